import { isJapanese } from './learner-signals';

export type ModerationVerdict =
  { ok: true } | { ok: false; reason: 'blocked_word' | 'repetition'; note: string };

const normalise = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Checks a learner message before it reaches the AI: a configurable word list, and loops
 * (the same message sent again and again). Returns a note the learner sees instead of an AI reply.
 */
export function moderate(
  content: string,
  recentLearnerMessages: string[],
  blocklist: string[],
): ModerationVerdict {
  const text = normalise(content);
  const ja = isJapanese(content);
  const hit = blocklist.map(normalise).find((w) => w && text.includes(w));
  if (hit) {
    return {
      ok: false,
      reason: 'blocked_word',
      note: ja
        ? 'この発言には不適切な表現が含まれているため、AIには送信しませんでした。表現を変えてもう一度お試しください。'
        : 'This message contains language that is not allowed here, so it was not sent to the AI. Please rephrase it.',
    };
  }
  const repeats = recentLearnerMessages.slice(-3).filter((m) => normalise(m) === text).length;
  if (repeats >= 2) {
    return {
      ok: false,
      reason: 'repetition',
      note: ja
        ? '同じ発言が続いています。少し言い方を変えたり、質問を加えたりしてみましょう。'
        : 'You have sent the same message several times. Try rephrasing it or asking a question.',
    };
  }
  return { ok: true };
}
