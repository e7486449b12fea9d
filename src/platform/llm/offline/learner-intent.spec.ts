import { readLearnerInput } from './learner-intent';

describe('readLearnerInput', () => {
  it.each([
    ['おはようございます。', [['greeting'], undefined]],
    ['ありがとうございました！', [['thanks'], undefined]],
    ['申し訳ございませんでした。', [['apology'], undefined]],
    ['では、失礼します。', [['farewell'], undefined]],
    // すみません before a request is "excuse me", not an apology.
    ['すみません、もう一度お願いできますか。', [[], 'clarification']],
    ['遅れてしまい、すみません。もう一度説明していただけますか。', [['apology'], 'clarification']],
    ['すみません、締め切りはいつですか？', [[], 'question']],
    ['明日の午後に打ち合わせしませんか？', [[], 'proposal']],
    ['まずは一部だけで試してみませんか。', [[], 'proposal']],
    ['延ばしていただけませんか？', [[], 'question']],
    ['申し訳ないのですが、今週は難しいです。', [['apology'], 'refusal']],
    ['承知しました。すぐに取りかかります。', [[], 'agreement']],
    ['分からないことがあったら何でも聞いてね', [[], 'offer']],
    ['うーん', [[], 'short']],
    ['資料の作成が少し遅れています。', [[], 'statement']],
  ] as const)('reads %s (ja)', (text, [social, main]) => {
    const input = readLearnerInput(text, 'ja', true);
    expect(input.social).toEqual(social);
    expect(input.main).toBe(main);
  });

  it.each([
    ['Hi, how are you?', [['greeting'], undefined]],
    ['Thank you so much for your help.', [['thanks'], undefined]],
    ["I'm very sorry for the trouble.", [['apology'], undefined]],
    ['What do you mean by that?', [[], 'clarification']],
    ['How about we split the work?', [[], 'proposal']],
    ['When is the deadline?', [[], 'question']],
    ["No, I can't do that this week.", [[], 'refusal']],
    ['No problem, I will do it.', [[], 'agreement']],
    ['Feel free to ask me anything.', [[], 'offer']],
    ['ok', [[], 'agreement']],
    ['hmm', [[], 'short']],
    ['The report is almost finished.', [[], 'statement']],
    ['Have a good weekend!', [['farewell'], undefined]],
  ] as const)('reads %s (en)', (text, [social, main]) => {
    const input = readLearnerInput(text, 'en', true);
    expect(input.social).toEqual(social);
    expect(input.main).toBe(main);
  });

  it('names the kind of question', () => {
    const kind = (text: string, locale: 'ja' | 'en') => readLearnerInput(text, locale, true).questionKind;
    expect(kind('何部用意すればいいですか？', 'ja')).toBe('quantity');
    expect(kind('どうしてそんなに急ぐんですか？', 'ja')).toBe('why');
    expect(kind('担当者はどなたですか？', 'ja')).toBe('who');
    expect(kind('具体的にどんな点が不安ですか？', 'ja')).toBe('opinion');
    expect(kind('予算はいくらですか？', 'ja')).toBe('cost');
    expect(kind('Could you tell me the order number?', 'en')).toBe('info');
    expect(kind('Where should I save it?', 'en')).toBe('where');
    expect(kind('Can I leave early on Friday?', 'en')).toBe('can');
    expect(kind('Is that right?', 'en')).toBe('confirm');
  });

  it('finds times, work subjects and short statements to echo', () => {
    expect(readLearnerInput('明日の午後までに資料をお送りします。', 'ja', true)).toMatchObject({
      time: '明日の午後',
      subject: '資料',
      quote: '明日の午後までに資料をお送りします',
    });
    expect(readLearnerInput('I will send the report by Friday.', 'en', true)).toMatchObject({
      time: 'Friday',
      subject: 'report',
    });
  });

  it('sees off-topic chatter only in scenarios', () => {
    expect(readLearnerInput('昨日の野球、見ました？', 'ja', true).main).toBe('offtopic');
    expect(readLearnerInput('昨日の野球、見ました？', 'ja', false).main).toBe('question');
    expect(readLearnerInput('Did you watch the football last night?', 'en', true).main).toBe('offtopic');
  });
});
