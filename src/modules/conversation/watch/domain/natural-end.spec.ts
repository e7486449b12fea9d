import { isClosingLine, reachedNaturalEnd } from './natural-end';
import type { TranscriptEntry } from './transcript';

const turns = (lines: string[]): TranscriptEntry[] =>
  lines.map((content, i) => ({
    id: `m${i}`,
    by: (i % 2) as 0 | 1,
    speaker: i % 2 ? 'B' : 'A',
    content,
    turn: i + 1,
  }));

describe('natural end', () => {
  it('recognises lines that take leave, in both languages', () => {
    expect(isClosingLine('それでは、また明日話しましょう。', 'ja')).toBe(true);
    expect(isClosingLine('今日はありがとうございました。お疲れさまでした。', 'ja')).toBe(true);
    expect(isClosingLine('では、今日話したことを明日から試してみましょう。', 'ja')).toBe(false);
    expect(isClosingLine('Great chat. See you tomorrow!', 'en')).toBe(true);
    expect(isClosingLine('I had better get back to my desk.', 'en')).toBe(true);
    expect(isClosingLine('Could we talk about the budget?', 'en')).toBe(false);
  });

  it('ends only when both colleagues’ latest lines take leave, after a few turns', () => {
    const talk = ['Shall we plan it?', 'Yes, let us.', 'I will draft it.', 'Great.'];
    expect(reachedNaturalEnd(turns([...talk, 'Right, see you later!', 'Bye, have a good one!']), 'en')).toBe(
      true,
    );
    expect(reachedNaturalEnd(turns([...talk, 'Right, see you later!']), 'en')).toBe(false);
    expect(reachedNaturalEnd(turns(['See you later!', 'Bye!']), 'en')).toBe(false);
  });

  it('never ends while a learner line waits for an answer', () => {
    const entries = turns(['a', 'b', 'c', 'd', 'See you later!', 'Bye!']);
    entries.push({ id: 'l', by: 'learner', speaker: 'Kim', content: 'Wait, one more thing', turn: null });
    expect(reachedNaturalEnd(entries, 'en')).toBe(false);
  });
});
