import type { LlmMessage, LlmRequest, Persona } from '../llm.types';
import { CLOSE_AFTER } from './conversation-reply';
import { offlineReply } from './offline-model';
import { EN } from './phrases/en';
import { JA } from './phrases/ja';
import { linesFor, type Lines } from './phrases/phrasebook';
import { sentenceKey, sentencesOf } from './text';

/** Plays a whole conversation: the character opens, then answers each learner line in turn. */
function converse(
  persona: Persona | undefined,
  locale: 'ja' | 'en',
  mode: LlmRequest['mode'],
  inputs: string[],
  seed = 'seed-1',
): string[] {
  const messages: LlmMessage[] = [{ role: 'system', content: 'Stay in character.' }];
  const replies: string[] = [];
  for (const input of [undefined, ...inputs]) {
    if (input !== undefined) messages.push({ role: 'user', content: input });
    const reply = offlineReply({ mode, locale, persona, seed, messages: [...messages] });
    messages.push({ role: 'assistant', content: reply });
    replies.push(reply);
  }
  return replies;
}

/** The reply to `input` after the character's opening line. */
function replyTo(
  persona: Persona | undefined,
  locale: 'ja' | 'en',
  input: string,
  mode: LlmRequest['mode'] = 'scenario',
  seed = 'seed-1',
): string {
  return converse(persona, locale, mode, [input], seed)[1];
}

const usesOneOf = (reply: string, lines: Lines, register: 'formal' | 'casual') =>
  linesFor(lines, register).some((line) => sentencesOf(line).every((s) => reply.includes(s)));

const sentences = (replies: string[]) => replies.flatMap(sentencesOf).map(sentenceKey);

const PERSONAS = {
  // A manager in a hurry, speaking plainly (a scenario from the library).
  manager: {
    name: '山本',
    role: '課長',
    personality: '40代後半の男性課長。仕事はできるが、納期に追われると強引になることも。',
    speakingStyle: '「〜かな」「〜だけど」など、やや砕けた話し方。',
    situation: '重要な会議の準備で忙しく、部下への指示を手短に済ませたい状況。',
    openingLine: 'あ、ちょっといい？この書類、今度の会議で\n配布するから参加者分準備をしておいて',
  },
  // A careful client in business keigo.
  client: {
    name: '高橋',
    role: '取引先の担当者',
    personality: '礼儀正しく慎重。信頼できる相手かどうかをよく見ている。',
    speakingStyle: 'ビジネス敬語。丁寧だが距離感がある。',
    situation: '新しい見積もりについての商談。予算と納期の条件を詰めたい。',
  },
  // A veteran who resists a new system, and softens when convinced.
  veteran: {
    personality: '52歳の男性社員。プライドが高く、若い上司からの指示に抵抗感がある。',
    speakingStyle:
      '「昔はこうやっていた」と従来の方法に固執。納得すると「なるほど、そういう考え方もありますね」と受け入れる。',
    situation: '新しい業務システムの導入に抵抗を示している部下との面談。',
    openingLine:
      '「課長、新しいシステムの件ですが、正直言って、今までのやり方で何も問題なかったと思うんですよ」',
  },
  upsetCustomer: {
    name: 'Taylor',
    personality: 'A frustrated customer whose order arrived wrong and who waited days for a reply.',
    speakingStyle: 'Formal business English, clipped when annoyed.',
    situation: 'A complaint call about a wrong delivery.',
  },
  busyManager: {
    name: 'Morgan',
    role: 'team manager',
    personality: 'Busy but values one-to-one time; wants the headline first.',
    speakingStyle: 'Concise, asks clarifying questions.',
    situation: 'A one-to-one about a project that is running behind its deadline.',
  },
  teammate: {
    name: 'Alex',
    role: 'teammate',
    personality: 'Friendly and chatty, genuinely curious about others.',
    speakingStyle: 'Casual but polite, light humour.',
    situation: 'at the same table in the staff canteen at lunchtime',
  },
} satisfies Record<string, Persona>;

describe('offline model: in character', () => {
  it("opens with the persona's own line, without the learner's scripted part", () => {
    expect(converse(PERSONAS.manager, 'ja', 'scenario', [])[0]).toBe(
      'あ、ちょっといい？この書類、今度の会議で配布するから参加者分準備をしておいて。',
    );
    const scripted = {
      ...PERSONAS.client,
      openingLine:
        'あなた: 「本日はよろしくお願いします」\n担当者: 「こちらこそ。早速ですが、お見積もりの件です」',
    };
    expect(converse(scripted, 'ja', 'scenario', [])[0]).toBe('こちらこそ。早速ですが、お見積もりの件です。');
  });

  it('speaks keigo as a formal character and plainly as a casual one', () => {
    const inputs = [
      '承知しました。',
      '何部用意すればよろしいですか？',
      '明日の午前中までに準備します。',
      'カラー印刷でもいいですか？',
    ];
    const polite = /(です|ます|ください|ございます|でしょうか|ません)(か|ね|よ)?[。？]/;
    for (const reply of converse(PERSONAS.client, 'ja', 'scenario', inputs).slice(1))
      expect(reply).toMatch(polite);
    const plain = converse(PERSONAS.manager, 'ja', 'scenario', inputs).slice(1);
    for (const reply of plain) expect(sentencesOf(reply).filter((s) => /(です|ます)。$/.test(s))).toEqual([]);
  });

  it('reacts in its mood: an upset customer is not placated by an apology, a warm senior reassures', () => {
    const upset = replyTo(PERSONAS.upsetCustomer, 'en', 'I am very sorry for the trouble.');
    expect(usesOneOf(upset, EN.moodReactions.upset!.apology!, 'formal')).toBe(true);
    const senior = {
      name: '田中',
      personality: '面倒見がよく落ち着いている。',
      speakingStyle: '穏やかな丁寧語。',
      situation: '報告が遅れたことを後輩が謝りに来た。',
    };
    const reassured = replyTo(senior, 'ja', '報告が遅れてしまい、申し訳ありません。');
    expect(usesOneOf(reassured, JA.moodReactions.warm!.apology!, 'formal')).toBe(true);
  });

  it('lets a resistant character come round over the conversation', () => {
    const replies = converse(PERSONAS.veteran, 'ja', 'scenario', [
      '入力の手間が半分になるんです。',
      'まずは一部の業務だけで試してみませんか？',
      '経験をぜひ活かしてほしいんです。',
      '来週の月曜から始めましょう。',
      'ありがとうございます。',
    ]);
    const early = linesFor(JA.moods.resistant.early, 'formal');
    const late = linesFor(JA.moods.resistant.late, 'formal');
    const said = replies.join('');
    expect(late.some((l) => said.includes(l))).toBe(true);
    const lastEarly = Math.max(...replies.map((r, i) => (early.some((l) => r.includes(l)) ? i : -1)));
    const firstLate = replies.findIndex((r) => late.some((l) => r.includes(l)));
    expect(firstLate).toBeGreaterThan(lastEarly);
  });

  it('talks about the situation it is in', () => {
    const lunch = converse(PERSONAS.teammate, 'en', 'chat', [
      'Hi Alex!',
      'It was great.',
      'I like hiking.',
    ]).join(' ');
    expect(lunch).toMatch(/lunch|canteen|daily special|meal|places around here|eat/i);
    const negotiation = converse(PERSONAS.client, 'ja', 'scenario', [
      'はい、ご説明いたします。',
      'ありがとうございます。',
    ]).join('');
    expect(negotiation).toMatch(/予算|見積|価格|納期|条件|単価/);
  });
});

describe('offline model: reacts to what the learner wrote', () => {
  const client = PERSONAS.client;

  it.each([
    ['greeting', 'お疲れさまです。', JA.reactions.greeting],
    ['thanks', 'ありがとうございます。', JA.reactions.thanks],
    ['clarification', 'すみません、もう一度お願いできますか。', JA.reactions.clarification],
    ['refusal', '申し訳ないのですが、その条件では難しいです。', JA.reactions.refusal],
    ['short answer', 'うーん', JA.reactions.short],
    ['off-topic', '今日は天気がいいですね。', JA.reactions.offtopic],
  ])('answers a %s in kind (ja)', (_, input, lines) => {
    expect(usesOneOf(replyTo(client, 'ja', input), lines, 'formal')).toBe(true);
  });

  it('answers the question that was asked', () => {
    expect(
      usesOneOf(replyTo(PERSONAS.manager, 'ja', '何部用意すればいいですか？'), JA.answers.quantity, 'casual'),
    ).toBe(true);
    expect(
      usesOneOf(
        replyTo(client, 'ja', 'いつまでにお返事すればよろしいでしょうか。'),
        JA.answers.when,
        'formal',
      ),
    ).toBe(true);
    expect(
      usesOneOf(
        replyTo(PERSONAS.busyManager, 'en', 'Why does it need to be done this week?'),
        EN.answers.why,
        'formal',
      ),
    ).toBe(true);
    expect(
      usesOneOf(
        replyTo(PERSONAS.busyManager, 'en', 'Could you tell me the project code?'),
        EN.answers.info,
        'formal',
      ),
    ).toBe(true);
  });

  it('picks up a time or subject the learner named', () => {
    expect(replyTo(client, 'ja', '明日の午後までにお送りします。')).toContain('明日の午後');
    expect(replyTo(PERSONAS.busyManager, 'en', 'I will send it by Friday.')).toContain('Friday');
  });

  it('takes up a proposal, and an upset character pushes back on a refusal', () => {
    expect(
      usesOneOf(
        replyTo(PERSONAS.busyManager, 'en', 'How about splitting the work between two people?'),
        EN.reactions.proposal,
        'formal',
      ),
    ).toBe(true);
    expect(
      usesOneOf(
        replyTo(PERSONAS.upsetCustomer, 'en', "No, I'm afraid we can't do that."),
        EN.moodReactions.upset!.refusal!,
        'formal',
      ),
    ).toBe(true);
  });

  it('in small talk, answers with its own story about what was asked', () => {
    const reply = converse(PERSONAS.teammate, 'en', 'chat', ['Do you know a good cafe around here?'])[1];
    expect(reply).toMatch(/cafe/i);
  });

  it('gives different replies to different inputs at the same point', () => {
    const inputs = [
      'Hello!',
      'Sorry about that.',
      'Why?',
      'No.',
      'That sounds good.',
      'The report is almost done.',
      'Tell me more about the client.',
    ];
    const replies = inputs.map((i) => replyTo(PERSONAS.busyManager, 'en', i));
    expect(new Set(replies).size).toBe(inputs.length);
  });

  it('ignores stage directions and treats them as the opening', () => {
    const reply = offlineReply({
      mode: 'chat',
      locale: 'ja',
      persona: { ...PERSONAS.manager, openingLine: undefined },
      seed: 's',
      messages: [
        { role: 'system', content: 'x' },
        {
          role: 'user',
          name: 'director',
          content: '（会話の始まりです。状況に合った一言で話しかけてください。）',
        },
      ],
    });
    expect(usesOneOf(reply, JA.reactions.greeting, 'casual')).toBe(true);
  });
});

describe('offline model: variety, closing and determinism', () => {
  it('never repeats a line within a conversation, even when the learner does', () => {
    for (const [persona, locale, mode, input] of [
      [PERSONAS.client, 'ja', 'scenario', 'はい'],
      [PERSONAS.manager, 'ja', 'scenario', 'わかりました。'],
      [PERSONAS.busyManager, 'en', 'scenario', 'ok'],
      [PERSONAS.teammate, 'en', 'chat', 'Nice.'],
      [undefined, 'en', 'chat', 'What do you think?'],
    ] as const) {
      const replies = converse(persona, locale, mode, Array<string>(40).fill(input));
      const said = sentences(replies);
      expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
      for (const reply of replies) expect(reply.trim()).not.toBe('');
    }
  });

  it('brings a scenario to a close after enough turns, then only says goodbye', () => {
    const inputs = [
      'はい。',
      '分かりました。',
      '明日までに対応します。',
      '予算は前回と同じです。',
      '承知しました。',
      '確認いたします。',
      '以上でよろしいでしょうか。',
      'ありがとうございました。',
    ];
    const replies = converse(PERSONAS.client, 'ja', 'scenario', inputs);
    const closings = [JA.moodClosings.careful!, JA.closings.scenario];
    expect(closings.some((c) => usesOneOf(replies[CLOSE_AFTER.scenario], c, 'formal'))).toBe(true);
    expect(
      replies.slice(1, CLOSE_AFTER.scenario).some((r) => closings.some((c) => usesOneOf(r, c, 'formal'))),
    ).toBe(false);
    expect(usesOneOf(replies[CLOSE_AFTER.scenario + 1], JA.afterClose, 'formal')).toBe(true);
  });

  it('closes early when the learner says goodbye', () => {
    const replies = converse(PERSONAS.teammate, 'en', 'chat', [
      'Hi!',
      'It was good.',
      'Anyway, I should get back to work. See you!',
    ]);
    expect(usesOneOf(replies[3], EN.closings.chat, 'casual')).toBe(true);
  });

  it('is deterministic for the same seed and messages, and varies with the seed', () => {
    const inputs = [
      'Hi Morgan.',
      'The project is late.',
      'Because of the vendor.',
      'Can we move the deadline?',
      'OK.',
    ];
    expect(converse(PERSONAS.busyManager, 'en', 'scenario', inputs, 'a')).toEqual(
      converse(PERSONAS.busyManager, 'en', 'scenario', inputs, 'a'),
    );
    expect(converse(PERSONAS.busyManager, 'en', 'scenario', inputs, 'a')).not.toEqual(
      converse(PERSONAS.busyManager, 'en', 'scenario', inputs, 'b'),
    );
  });

  it('keeps to a small token budget', () => {
    const reply = offlineReply({
      mode: 'scenario',
      locale: 'en',
      persona: PERSONAS.busyManager,
      seed: 's',
      maxTokens: 5,
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(sentencesOf(reply)).toHaveLength(1);
  });
});

describe('offline model: watch mode', () => {
  const sato: Persona = {
    name: '佐藤',
    role: '同僚',
    personality: '気さくで話し好き',
    speakingStyle: '丁寧語',
    situation: '週明けの会議の準備',
  };

  it('plays a colleague talking to colleagues on the theme, by name, without repeating', () => {
    const messages: LlmMessage[] = [{ role: 'system', content: 'テーマ：週明けの会議の準備' }];
    const lines: string[] = [];
    const others = [
      '私は資料を先に作るべきだと思います。',
      'どう進めればいいでしょうか？',
      'じゃあ、明日の午後に打ち合わせしませんか？',
      'いいですね、賛成です。',
      '議題が多すぎる気もします。',
      '参加者はもう決まっていますか？',
    ];
    for (const [i, text] of others.entries()) {
      const line = offlineReply({
        mode: 'watch',
        locale: 'ja',
        persona: sato,
        seed: 'w1',
        messages: [...messages],
      });
      lines.push(line);
      messages.push(
        { role: 'assistant', content: line, name: '佐藤' },
        { role: 'user', content: text, name: i === 4 ? 'あおい' : '鈴木' },
      );
    }
    lines.push(offlineReply({ mode: 'watch', locale: 'ja', persona: sato, seed: 'w1', messages }));
    expect(lines[0]).toContain('「週明けの会議の準備」');
    expect(lines.join('')).toMatch(/鈴木さん/);
    expect(usesOneOf(lines[5], JA.watch.welcomes, 'formal') || lines[5].includes('あおいさん')).toBe(true);
    const said = sentences(lines);
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  });

  it('never calls the learner "あなたさん", and draws to a close when the prompt says the end is near', () => {
    const messages: LlmMessage[] = [
      {
        role: 'system',
        content: '話題：週明けの会議の準備\n会話は終盤です。話をまとめる方向に進めてください。',
      },
      { role: 'assistant', content: '「週明けの会議の準備」の件、少し話しませんか。' },
      { role: 'user', name: '鈴木', content: '資料は私が作ります。' },
      { role: 'assistant', content: 'それなら安心ですね。' },
      { role: 'user', name: 'あなた', content: '私も手伝っていいですか？' },
    ];
    const line = offlineReply({ mode: 'watch', locale: 'ja', persona: sato, seed: 'w2', messages });
    expect(line).not.toContain('あなたさん');
    expect(usesOneOf(line, JA.watch.wrapUps, 'formal')).toBe(true);
  });

  it("answers a colleague's question and takes up a proposal (en)", () => {
    const jordan: Persona = {
      name: 'Jordan',
      personality: 'Supportive and calm',
      speakingStyle: '',
      situation: 'Giving feedback to a junior colleague',
    };
    const base: LlmMessage[] = [{ role: 'assistant', content: 'Could we talk about it?' }];
    const answer = offlineReply({
      mode: 'watch',
      locale: 'en',
      persona: jordan,
      seed: 'w',
      messages: [...base, { role: 'user', name: 'Sam', content: 'What would you do first?' }],
    });
    expect(usesOneOf(answer, EN.watch.reactions.question, 'formal')).toBe(true);
    const agree = offlineReply({
      mode: 'watch',
      locale: 'en',
      persona: jordan,
      seed: 'w',
      messages: [...base, { role: 'user', name: 'Sam', content: "Let's share the notes with everyone." }],
    });
    expect(agree).toMatch(/Sam|idea|materials|worked for us|schedule/);
  });
});

describe('offline model: coaching text', () => {
  it("summarises the learner's turns from a transcript", () => {
    const text = offlineReply({
      mode: 'feedback',
      locale: 'ja',
      seed: 'f',
      messages: [
        { role: 'system', content: 'フィードバックを書いてください。' },
        {
          role: 'user',
          content: '学習者: はい\n相手: 資料をお願い\n学習者: 何部必要ですか？\n学習者: ありがとうございます',
        },
      ],
    });
    expect(text).toContain('3回');
    expect(usesOneOf(text, JA.coach.strengths.questions, 'formal')).toBe(true);
  });
});
