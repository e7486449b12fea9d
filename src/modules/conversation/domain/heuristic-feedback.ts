import { contentUnits, MessageSignals, signalsOf } from './learner-signals';
import { SKILL_AXES, SKILL_LABELS, SkillAxis, SkillScores } from './skills';

export interface TranscriptTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface FeedbackPointAssessment {
  point: string;
  met: boolean | null;
  comment: string;
}

export interface FeedbackDraft {
  scores: SkillScores;
  overall: number;
  strengths: string[];
  improvements: string[];
  summary: string;
  feedbackPoints?: FeedbackPointAssessment[];
}

type Locale = 'ja' | 'en';
type Rates = Record<keyof MessageSignals, number> & { answered: number; variety: number };

const clamp = (n: number): number => Math.max(0, Math.min(100, Math.round(n)));

function rates(turns: TranscriptTurn[]): { rates: Rates; learnerCount: number } {
  const counts: Record<string, number> = {};
  let learnerCount = 0;
  let partnerQuestions = 0;
  let answered = 0;
  let lastPartner: string | undefined;
  const seen = new Set<string>();
  for (const turn of turns) {
    if (turn.role === 'assistant') {
      lastPartner = turn.content;
      continue;
    }
    learnerCount++;
    seen.add(turn.content.trim().toLowerCase());
    const s = signalsOf(turn.content, lastPartner);
    for (const [k, v] of Object.entries(s)) counts[k] = (counts[k] ?? 0) + (v ? 1 : 0);
    if (lastPartner && /[?？]|ですか|ますか|でしょうか/.test(lastPartner)) {
      partnerQuestions++;
      if (!s.curt && (s.echoesPartner || s.concrete || s.clarifying || s.proposes)) answered++;
    }
    lastPartner = undefined;
  }
  const n = Math.max(1, learnerCount);
  const r = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) as Rates;
  r.answered = partnerQuestions ? answered / partnerQuestions : 0.5;
  r.variety = seen.size / n;
  return { rates: r, learnerCount };
}

function axisScores(r: Rates, learnerCount: number): SkillScores {
  const raw: SkillScores = {
    empathy:
      30 +
      25 * r.empathic +
      15 * r.gratitude +
      10 * r.apology +
      15 * r.acknowledges -
      25 * r.rude -
      10 * r.negative -
      10 * r.curt,
    clarity: 35 + 30 * r.concrete + 20 * r.clarifying + 10 * r.polite - 25 * r.curt - 10 * r.shouting,
    activeListening:
      30 + 30 * r.echoesPartner + 15 * r.question + 15 * r.acknowledges + 10 * r.clarifying - 15 * r.curt,
    adaptability: 30 + 30 * r.answered + 20 * r.proposes + 15 * r.variety - 20 * r.negative - 10 * r.curt,
    positivity: 40 + 35 * r.positive + 10 * r.gratitude - 35 * r.negative - 15 * r.rude,
    professionalism: 40 + 35 * r.polite + 10 * r.gratitude - 40 * r.rude - 15 * r.shouting - 10 * r.curt,
  };
  // One or two messages are thin evidence: pull the scores toward the middle in proportion.
  const evidence = Math.min(1, learnerCount / 3);
  const scores = {} as SkillScores;
  for (const axis of SKILL_AXES) scores[axis] = clamp(50 + (raw[axis] - 50) * evidence);
  return scores;
}

const STRENGTH_TEXT: Record<Locale, Record<SkillAxis, string>> = {
  ja: {
    empathy: '相手の状況や気持ちに触れる言葉があり、安心感を与えていました。',
    clarity: '日時や手順など具体的な言葉で伝えられていて、分かりやすい発言でした。',
    activeListening: '相手の言葉を受け止め、内容を踏まえて返答や質問ができていました。',
    adaptability: '相手の問いかけに応じて話を進め、代案も示せていました。',
    positivity: '前向きな言い回しで、会話を建設的な方向へ進めていました。',
    professionalism: '丁寧な言葉遣いと落ち着いた態度で、職場にふさわしいやり取りでした。',
  },
  en: {
    empathy: 'You acknowledged how the other person felt, which builds trust.',
    clarity: 'You used concrete details such as times, steps and numbers, which made you easy to follow.',
    activeListening: 'You picked up what the other person said and built your replies and questions on it.',
    adaptability: 'You answered what you were asked and offered alternatives when useful.',
    positivity: 'Your framing was constructive and kept the conversation moving forward.',
    professionalism: 'Your tone was courteous and composed, right for the workplace.',
  },
};

const IMPROVEMENT_TEXT: Record<Locale, Record<SkillAxis, string>> = {
  ja: {
    empathy:
      '「それは大変でしたね」「ご不便をおかけしました」など、相手の気持ちを一言受け止めてから本題に入りましょう。',
    clarity: '期限・数量・次の一手を具体的に入れましょう（例：「金曜17時までに初稿をお送りします」）。',
    activeListening:
      '相手の言葉を一部くり返して確認し（「〇〇ということですね」）、質問で理解を深めましょう。',
    adaptability:
      '相手の質問には直接答え、難しい場合は「代わりに〜はいかがでしょうか」と代案を出しましょう。',
    positivity:
      '否定から入らず、「〜であればできます」「ぜひ進めましょう」のように可能性を示す言い方にしましょう。',
    professionalism:
      '「〜です・〜ます」を基本に、「恐れ入りますが」「お手数ですが」などのクッション言葉を使いましょう。',
  },
  en: {
    empathy:
      'Acknowledge the other person\'s situation first ("That sounds frustrating", "Sorry for the trouble") before moving to solutions.',
    clarity:
      'Add concrete details: a deadline, a number, the next step (e.g. "I\'ll send the first draft by Friday 5 pm").',
    activeListening:
      'Reflect back what you heard ("So the main concern is...") and ask a follow-up question.',
    adaptability:
      'Answer questions directly, and when you cannot, offer an alternative ("Instead, could we...").',
    positivity:
      'Lead with what is possible ("I can do that if...", "Let\'s try...") rather than with what is not.',
    professionalism:
      'Keep a courteous register: "please", "could you", "thank you", and avoid slang or all caps.',
  },
};

/** Which learner signals show that a feedback point was met, found by keywords in the point's text. */
const POINT_SIGNALS: Array<[RegExp, Array<keyof MessageSignals>]> = [
  [/確認|clarif|confirm|質問|question|聞/i, ['clarifying', 'question']],
  [/謝|apolog|お詫び/i, ['apology']],
  [/感謝|お礼|thank|appreciat/i, ['gratitude']],
  [/共感|気持ち|寄り添|empath|feel|concern|傾聴|listen/i, ['empathic', 'acknowledges', 'echoesPartner']],
  [/提案|代案|解決|propos|alternative|solution|suggest/i, ['proposes']],
  [/具体|期限|数字|specific|concrete|deadline|detail/i, ['concrete']],
  [/敬語|丁寧|言葉遣い|polite|courteous|tone|professional/i, ['polite']],
  [/前向き|ポジティブ|positive|constructive/i, ['positive']],
];

function assessPoints(points: string[], turns: TranscriptTurn[], locale: Locale): FeedbackPointAssessment[] {
  const learner = turns.filter((t) => t.role === 'user');
  const seen = new Set<keyof MessageSignals>();
  let previous: string | undefined;
  for (const t of turns) {
    if (t.role === 'assistant') previous = t.content;
    else
      for (const [k, v] of Object.entries(signalsOf(t.content, previous)))
        if (v) seen.add(k as keyof MessageSignals);
  }
  const learnerUnits = contentUnits(learner.map((t) => t.content).join(' '));
  return points.map((point) => {
    const mapped = POINT_SIGNALS.filter(([re]) => re.test(point)).flatMap(([, s]) => s);
    let met: boolean | null;
    if (learner.length === 0) met = null;
    else if (mapped.length) met = mapped.some((s) => seen.has(s));
    else {
      const overlap = [...contentUnits(point)].filter((u) => learnerUnits.has(u)).length;
      met = overlap >= 2 ? true : null;
    }
    const comment =
      met === null
        ? locale === 'ja'
          ? 'この会話からは判断できませんでした。'
          : 'This conversation did not show enough to judge.'
        : met
          ? locale === 'ja'
            ? 'あなたの発言にこの点が表れていました。'
            : 'Your messages showed this.'
          : locale === 'ja'
            ? 'この点はまだ発言に表れていません。次回は意識して言葉にしてみましょう。'
            : 'This did not show in your messages yet; make it explicit next time.';
    return { point, met, comment };
  });
}

/**
 * The deterministic fallback coach: scores the learner's own words on the six axes. The same
 * transcript always gets the same result; nothing is random.
 */
export function heuristicFeedback(
  turns: TranscriptTurn[],
  locale: Locale,
  feedbackPoints?: string[],
): FeedbackDraft {
  const { rates: r, learnerCount } = rates(turns);
  const scores = axisScores(r, learnerCount);
  const overall = clamp(SKILL_AXES.reduce((sum, a) => sum + scores[a], 0) / SKILL_AXES.length);
  // Stable ordering: by score, then by the fixed axis order.
  const ranked = [...SKILL_AXES].sort(
    (a, b) => scores[b] - scores[a] || SKILL_AXES.indexOf(a) - SKILL_AXES.indexOf(b),
  );
  const strong = ranked.filter((a) => scores[a] >= 55).slice(0, 3);
  const weak = [...ranked]
    .reverse()
    .filter((a) => scores[a] < 70)
    .slice(0, 3);
  const strengths = (strong.length ? strong : ranked.slice(0, 1)).map((a) => STRENGTH_TEXT[locale][a]);
  const improvements = (weak.length ? weak : ranked.slice(-1)).map((a) => IMPROVEMENT_TEXT[locale][a]);
  const labels = SKILL_LABELS[locale];
  const top = labels[ranked[0]];
  const bottom = labels[ranked[ranked.length - 1]];
  const summary =
    locale === 'ja'
      ? `総合 ${overall} 点（発言 ${learnerCount} 件）。特に「${top}」が良く表れていました。次は「${bottom}」を意識すると、さらに伝わるやり取りになります。`
      : `Overall ${overall}/100 across ${learnerCount} message(s). Your ${top} stood out; focusing on ${bottom} next will make the biggest difference.`;
  const draft: FeedbackDraft = { scores, overall, strengths, improvements, summary };
  if (feedbackPoints?.length) draft.feedbackPoints = assessPoints(feedbackPoints, turns, locale);
  return draft;
}
