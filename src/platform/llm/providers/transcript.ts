import type { LlmMessage } from '../llm.types';

/** Every system message, in order, as one instruction. */
export function systemText(messages: LlmMessage[]): string | undefined {
  const text = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  return text || undefined;
}

/**
 * A turn's text with its speaker in front. Speaker names go into the text rather than API name fields:
 * OpenAI accepts only ASCII names there and would reject 佐藤 with a 400; Gemini has no such field.
 */
export function spokenText(message: LlmMessage): string {
  return message.name ? `${message.name}: ${message.content}` : message.content;
}

/** What the model is asked to answer when a conversation has no learner turn yet (an opening line). */
export const startCue = (locale: 'ja' | 'en'): string =>
  locale === 'ja' ? '（会話を始めてください）' : '(Please start the conversation.)';
