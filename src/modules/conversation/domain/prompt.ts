import { isJapanese } from './learner-signals';

export interface PromptTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A rough token estimate: CJK text is about one token a character, other text about four characters a token. */
export function estimateTokens(text: string): number {
  const cjk = (text.match(/[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]/g) ?? []).length;
  return cjk + Math.ceil((text.length - cjk) / 4) + 4;
}

/**
 * The most recent turns that fit the budget, oldest first. The newest turn is always kept, and the
 * window never starts with an assistant turn the model would read as its own unprompted opening.
 */
export function fitHistory<T extends PromptTurn>(turns: T[], budgetTokens: number): T[] {
  const kept: T[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const cost = estimateTokens(turns[i].content);
    if (kept.length > 0 && used + cost > budgetTokens) break;
    kept.unshift(turns[i]);
    used += cost;
  }
  return kept;
}

export function localeOf(text: string, fallback: 'ja' | 'en'): 'ja' | 'en' {
  return text ? (isJapanese(text) ? 'ja' : fallback) : fallback;
}
