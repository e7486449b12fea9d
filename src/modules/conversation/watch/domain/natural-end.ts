import type { Locale } from '../../domain/personas';
import { isAi, type TranscriptEntry } from './transcript';

const CLOSING: Record<Locale, RegExp> = {
  ja: /(それでは|それじゃあ?|じゃあ|では)[、,\s]*(また|これで|失礼)|また(明日|あとで|後で|今度)(話|よろしく|お願い|ね|。|！)|お疲れ(様|さま)でした|お先に失礼|失礼します|(仕事|席|デスク)に戻り(ましょう|ます)/,
  en: /\b(see you|talk (to you )?(later|soon)|catch you later|bye|have a (good|great|nice) (one|day|evening|afternoon|weekend)|let's (get back to|head back|call it)|i('d| had| should) better (get back|go|head))\b/i,
};

/** Whether a line takes leave of the conversation ("お疲れさまでした", "see you later"). */
export function isClosingLine(text: string, locale: Locale): boolean {
  return CLOSING[locale].test(text);
}

/**
 * A conversation has ended on its own when both colleagues' latest lines take leave, after a few turns,
 * and no learner line is waiting for an answer. Two closings in a row keep one passing "see you" from ending it.
 */
export function reachedNaturalEnd(entries: TranscriptEntry[], locale: Locale, minTurns = 4): boolean {
  const last = entries[entries.length - 1];
  if (!last || !isAi(last)) return false;
  const ai = entries.filter(isAi);
  if (ai.length < Math.max(2, minTurns)) return false;
  return ai.slice(-2).every((e) => isClosingLine(e.content, locale));
}
