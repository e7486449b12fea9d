import { addressOf, cleanLine, nextSpeaker, pendingLearnerLines, type TranscriptEntry } from './transcript';

const ai = (by: 0 | 1, turn: number, content = `line ${turn}`): TranscriptEntry => ({
  id: `a${turn}`,
  by,
  speaker: by === 0 ? 'Emma' : 'Ryan',
  content,
  turn,
});
const learner = (id: string, content = 'Hi both'): TranscriptEntry => ({
  id,
  by: 'learner',
  speaker: 'Kim',
  content,
  turn: null,
});

describe('turn-taking', () => {
  it('starts with the first colleague and then alternates, so no one answers themselves', () => {
    expect(nextSpeaker([])).toBe(0);
    expect(nextSpeaker([ai(0, 1)])).toBe(1);
    expect(nextSpeaker([ai(0, 1), ai(1, 2)])).toBe(0);
  });

  it('gives the learner’s line to the colleague who did not speak last', () => {
    expect(nextSpeaker([ai(0, 1), learner('l1')])).toBe(1);
    expect(nextSpeaker([ai(0, 1), ai(1, 2), learner('l1'), learner('l2')])).toBe(0);
    expect(nextSpeaker([learner('l1')])).toBe(0);
  });

  it('finds the learner lines the next turn must answer', () => {
    expect(pendingLearnerLines([ai(0, 1), learner('l1'), ai(1, 2)])).toEqual([]);
    expect(pendingLearnerLines([ai(0, 1), learner('l1'), learner('l2')]).map((e) => e.id)).toEqual([
      'l1',
      'l2',
    ]);
  });
});

describe('line cleaning and addressing', () => {
  it('drops a name prefix and wrapping quotes a model may add', () => {
    expect(cleanLine('  Emma: Sounds good.  ', 'Emma')).toBe('Sounds good.');
    expect(cleanLine('中村さん：「いいですね。」', '中村')).toBe('いいですね。');
    expect(cleanLine('"Let us try it."', 'Ryan')).toBe('Let us try it.');
    expect(cleanLine('Emma said it first: fine.', 'Ryan')).toBe('Emma said it first: fine.');
  });

  it('addresses people as 〜さん in Japanese, except the generic あなた', () => {
    expect(addressOf('花子', 'ja')).toBe('花子さん');
    expect(addressOf('あなた', 'ja')).toBe('あなた');
    expect(addressOf('Kim', 'en')).toBe('Kim');
  });
});
