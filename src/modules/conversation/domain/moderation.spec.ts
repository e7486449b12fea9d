import { moderate } from './moderation';

describe('moderate', () => {
  it('blocks configured words regardless of case and width', () => {
    expect(moderate('You are an IDIOT', [], ['idiot'])).toMatchObject({ ok: false, reason: 'blocked_word' });
    expect(moderate('ＢＡＤＷＯＲＤです', [], ['badword'])).toMatchObject({
      ok: false,
      reason: 'blocked_word',
    });
    expect(moderate('A fine message', [], ['idiot'])).toEqual({ ok: true });
  });

  it('stops a loop of the same message but allows a first repeat', () => {
    expect(moderate('hello', ['hello'], [])).toEqual({ ok: true });
    const verdict = moderate('hello', ['hello', ' Hello '], []);
    expect(verdict).toMatchObject({ ok: false, reason: 'repetition' });
  });

  it('answers in the language of the message', () => {
    const verdict = moderate('了解です', ['了解です', '了解です'], []);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.note).toMatch(/同じ発言/);
  });
});
