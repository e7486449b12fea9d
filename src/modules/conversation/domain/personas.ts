/** Characters and system prompts for small talk and scenarios. Pure: the services supply the data. */
export type Locale = 'ja' | 'en';
export type PartnerType = 'colleague' | 'senior' | 'junior' | 'manager' | 'client';
export type Situation = 'lunch' | 'break' | 'morning' | 'evening' | 'party';

export interface CharacterSheet {
  name?: string;
  role?: string;
  personality: string;
  speakingStyle: string;
  situation: string;
  openingLine?: string;
}

export interface ScenarioSnapshot {
  id: string;
  title: string;
  description: string;
  roleType: 'standard' | 'reverse';
  aiRole?: string | null;
  userRole?: string | null;
  locale: Locale;
  character: {
    name?: string | null;
    personality: string;
    speakingStyle: string;
    situation: string;
    initialApproach: string;
  };
  learningPoints: string[];
  feedbackPoints: string[];
}

const PARTNERS: Record<Locale, Record<PartnerType, Omit<CharacterSheet, 'situation'>>> = {
  ja: {
    colleague: {
      name: '佐藤',
      role: '同期の同僚',
      personality: '気さくで話し好き。相手の話にもよく興味を示す。',
      speakingStyle: '丁寧語ベースだが、打ち解けた柔らかい口調。',
    },
    senior: {
      name: '田中',
      role: '3年先輩',
      personality: '面倒見がよく落ち着いている。後輩の成長を気にかけている。',
      speakingStyle: '穏やかな丁寧語。ときどき経験談を交える。',
    },
    junior: {
      name: '鈴木',
      role: '今年入社の後輩',
      personality: '素直で少し緊張しがち。先輩に質問したいことがたくさんある。',
      speakingStyle: 'かしこまった敬語。少し遠慮がち。',
    },
    manager: {
      name: '山本',
      role: '課長',
      personality: '忙しいが部下との対話を大切にしている。結論を先に聞きたいタイプ。',
      speakingStyle: '簡潔で落ち着いた話し方。要点を確認する質問が多い。',
    },
    client: {
      name: '高橋',
      role: '取引先の担当者',
      personality: '礼儀正しく慎重。信頼できる相手かどうかをよく見ている。',
      speakingStyle: 'ビジネス敬語。丁寧だが距離感がある。',
    },
  },
  en: {
    colleague: {
      name: 'Alex',
      role: 'teammate',
      personality: 'Friendly and chatty, genuinely curious about others.',
      speakingStyle: 'Casual but polite, light humour.',
    },
    senior: {
      name: 'Jordan',
      role: 'senior colleague',
      personality: 'Supportive and calm, likes to share what they have learned.',
      speakingStyle: 'Warm and measured, with the odd anecdote.',
    },
    junior: {
      name: 'Sam',
      role: 'new graduate on the team',
      personality: 'Eager, a little nervous, full of questions.',
      speakingStyle: 'Polite and slightly formal.',
    },
    manager: {
      name: 'Morgan',
      role: 'team manager',
      personality: 'Busy but values one-to-one time; wants the headline first.',
      speakingStyle: 'Concise, asks clarifying questions.',
    },
    client: {
      name: 'Taylor',
      role: 'client account lead',
      personality: 'Courteous and careful; judges whether you can be trusted.',
      speakingStyle: 'Formal business English.',
    },
  },
};

const SITUATIONS: Record<Locale, Record<Situation, string>> = {
  ja: {
    lunch: '昼休み、社員食堂で同じテーブルになった',
    break: '午後の休憩スペースでコーヒーを淹れている',
    morning: '始業前、エレベーターホールで一緒になった',
    evening: '終業後、帰り支度をしている',
    party: '部署の懇親会で隣の席になった',
  },
  en: {
    lunch: 'at the same table in the staff canteen at lunchtime',
    break: 'making coffee in the break area in the afternoon',
    morning: 'waiting for the lift before the working day starts',
    evening: 'packing up to go home after work',
    party: 'sitting next to each other at the team social',
  },
};

export function smallTalkCharacter(
  locale: Locale,
  partner: PartnerType,
  situation: Situation,
  topic?: string,
): CharacterSheet {
  const base = PARTNERS[locale][partner];
  const place = SITUATIONS[locale][situation];
  const about = topic ? (locale === 'ja' ? `。話題：${topic}` : `; topic: ${topic}`) : '';
  return { ...base, situation: `${place}${about}` };
}

export function smallTalkTitle(locale: Locale, partner: PartnerType, situation: Situation): string {
  const c = PARTNERS[locale][partner];
  return locale === 'ja'
    ? `雑談：${c.role}の${c.name}さん（${SITUATIONS.ja[situation]}）`
    : `Small talk with ${c.name}, ${c.role} (${situation})`;
}

export function scenarioCharacter(s: ScenarioSnapshot): CharacterSheet {
  return {
    name: s.character.name ?? undefined,
    role: s.aiRole ?? undefined,
    personality: s.character.personality,
    speakingStyle: s.character.speakingStyle,
    situation: s.character.situation,
    openingLine: s.character.initialApproach,
  };
}

export function systemPrompt(locale: Locale, c: CharacterSheet, scenario?: ScenarioSnapshot): string {
  if (locale === 'ja') {
    return [
      `あなたは職場コミュニケーション練習の相手役です。以下の人物になりきり、最後まで役を崩さずに日本語で会話してください。`,
      `名前：${c.name ?? '（名前なし）'}／立場：${c.role ?? '職場の相手'}`,
      `性格：${c.personality}`,
      `話し方：${c.speakingStyle}`,
      `状況：${c.situation}`,
      scenario ? `シナリオ：${scenario.title} — ${scenario.description}` : '',
      scenario?.userRole ? `学習者の役割：${scenario.userRole}` : '',
      '返答は1〜3文の自然な話し言葉で。AIであることや練習であることには触れず、評価やアドバイスもしないでください。',
    ]
      .filter(Boolean)
      .join('\n');
  }
  return [
    'You are the conversation partner in a workplace communication practice. Stay fully in character as the person below and reply in English.',
    `Name: ${c.name ?? '(unnamed)'}; role: ${c.role ?? 'a person at work'}`,
    `Personality: ${c.personality}`,
    `Speaking style: ${c.speakingStyle}`,
    `Situation: ${c.situation}`,
    scenario ? `Scenario: ${scenario.title} — ${scenario.description}` : '',
    scenario?.userRole ? `The learner plays: ${scenario.userRole}` : '',
    'Answer in 1-3 natural spoken sentences. Never mention being an AI or a practice, and do not give feedback or advice.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The stage direction that asks the partner to open a small-talk conversation. */
export function openingCue(locale: Locale): string {
  return locale === 'ja'
    ? '（会話の始まりです。状況に合った一言で話しかけてください。）'
    : '(The conversation begins. Open it with one line that fits the situation.)';
}
