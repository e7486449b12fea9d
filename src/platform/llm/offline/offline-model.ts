import type { LlmRequest } from '../llm.types';
import { coachText } from './coach-text';
import { conversationReply, type ReplyContext } from './conversation-reply';
import { viewOf } from './conversation-view';
import { LinePicker } from './line-picker';
import { traitsOf } from './persona-traits';
import { EN } from './phrases/en';
import { JA } from './phrases/ja';
import { seededRandom } from './seeded-random';
import { sentencesOf } from './text';
import { watchLine } from './watch-line';

/**
 * The built-in model: plays the persona in Japanese or English from phrase banks organised by intent, mood and
 * topic. The same seed and messages always give the same reply, and no line repeats within a conversation.
 */
export function offlineReply(request: LlmRequest): string {
  const book = request.locale === 'ja' ? JA : EN;
  const view = viewOf(request.messages);
  const traits = traitsOf(request.persona, request.locale, view.system);
  const random = seededRandom(
    `${request.seed ?? ''}\u0000${request.mode}\u0000${JSON.stringify(request.messages)}`,
  );
  // Between colleagues, a line the other one just said is as used up as one's own: nobody parrots it back.
  const said = request.mode === 'watch' ? [...view.own, ...view.others.map((t) => t.content)] : view.own;
  const picker = new LinePicker(random, traits.register, request.locale, said, book.connectors);
  const ctx: ReplyContext = { request, book, traits, view, picker, random };
  const text =
    request.mode === 'watch'
      ? watchLine(ctx)
      : request.mode === 'feedback' || request.mode === 'analysis'
        ? coachText(ctx)
        : conversationReply(ctx);
  return withinTokens(text, request.locale, request.maxTokens);
}

/** Drops trailing sentences beyond a rough token budget (about one token a character in Japanese, four in English). */
function withinTokens(text: string, locale: 'ja' | 'en', maxTokens?: number): string {
  if (!maxTokens) return text;
  const budget = locale === 'ja' ? maxTokens : maxTokens * 4;
  const sentences = sentencesOf(text);
  while (sentences.length > 1 && sentences.join(locale === 'ja' ? '' : ' ').length > budget) sentences.pop();
  return sentences.join(locale === 'ja' ? '' : ' ');
}
