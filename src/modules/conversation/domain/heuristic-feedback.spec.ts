import { heuristicFeedback, TranscriptTurn } from './heuristic-feedback';

const ja = (learner: string[]): TranscriptTurn[] =>
  learner.flatMap((content, i) => [
    {
      role: 'assistant' as const,
      content: i === 0 ? '来週の会議資料、急ぎでお願いできますか？' : '締め切りはいつ頃がよさそうですか？',
    },
    { role: 'user' as const, content },
  ]);
const en = (learner: string[]): TranscriptTurn[] =>
  learner.flatMap((content, i) => [
    {
      role: 'assistant' as const,
      content:
        i === 0
          ? 'The client is upset about the delayed delivery. Can you handle it?'
          : 'What will you tell the client about the delivery date?',
    },
    { role: 'user' as const, content },
  ]);

describe('heuristicFeedback', () => {
  it('scores a considerate, specific Japanese learner above a curt one on the matching axes', () => {
    const considerate = heuristicFeedback(
      ja([
        'ご連絡ありがとうございます。承知しました。念のため確認ですが、会議資料は何ページ程度を想定されていますか？',
        'なるほど、締め切りの件ですね。それでは木曜日の15時までに初稿をお送りします。もし難しければ代わりに要点だけ先に共有してもよろしいでしょうか。',
        'お忙しいところ大変ですね。ぜひ一緒に進めましょう。よろしくお願いいたします。',
      ]),
      'ja',
    );
    const curt = heuristicFeedback(ja(['はい', '無理', 'わからない']), 'ja');
    for (const axis of ['clarity', 'professionalism', 'activeListening', 'positivity', 'empathy'] as const) {
      expect(considerate.scores[axis]).toBeGreaterThan(curt.scores[axis]);
    }
    expect(considerate.overall).toBeGreaterThan(curt.overall);
  });

  it('scores a considerate, specific English learner above a curt one on the matching axes', () => {
    const considerate = heuristicFeedback(
      en([
        "I'm sorry to hear about the delay, I understand why the client is frustrated. Could you tell me which order it is?",
        'I see, so the delivery date is the main concern. I will call them today and offer delivery by Friday 3 pm, or alternatively a partial shipment tomorrow.',
        'Thank you for flagging this. Happy to keep you posted.',
      ]),
      'en',
    );
    const curt = heuristicFeedback(en(['ok', 'not my problem', 'whatever']), 'en');
    for (const axis of [
      'empathy',
      'clarity',
      'activeListening',
      'adaptability',
      'positivity',
      'professionalism',
    ] as const) {
      expect(considerate.scores[axis]).toBeGreaterThan(curt.scores[axis]);
    }
  });

  it('gives the same transcript the same result every time', () => {
    const turns = en(['Could you clarify the deadline, please?', 'Thanks, I will send it by 5 pm.']);
    expect(heuristicFeedback(turns, 'en', ['Ask to clarify the deadline'])).toEqual(
      heuristicFeedback(turns, 'en', ['Ask to clarify the deadline']),
    );
  });

  it('keeps scores in range and lists 1 to 3 strengths and improvements', () => {
    const result = heuristicFeedback(ja(['はい']), 'ja');
    for (const v of Object.values(result.scores)) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    expect(result.strengths.length).toBeGreaterThanOrEqual(1);
    expect(result.strengths.length).toBeLessThanOrEqual(3);
    expect(result.improvements.length).toBeGreaterThanOrEqual(1);
    expect(result.improvements.length).toBeLessThanOrEqual(3);
  });

  it('assesses feedback points from what the learner actually said', () => {
    const turns = en(['Just to confirm, by when do you need it?', 'Great, thanks!']);
    const [clarify, apologise] = heuristicFeedback(turns, 'en', [
      'Clarifies the deadline',
      'Apologises for the delay',
    ]).feedbackPoints!;
    expect(clarify).toMatchObject({ point: 'Clarifies the deadline', met: true });
    expect(apologise).toMatchObject({ point: 'Apologises for the delay', met: false });
  });
});
