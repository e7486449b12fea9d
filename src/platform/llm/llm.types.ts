import type { LlmMode, ProviderName } from '../../config';

export type { LlmMode, ProviderName };

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Who said it, when a conversation has several voices (watch mode). */
  name?: string;
}

/** Structured character hints. Real providers get them through the caller's system prompt; the offline model reads them. */
export interface Persona {
  name?: string;
  role?: string;
  personality: string;
  speakingStyle: string;
  situation: string;
  openingLine?: string;
}

export interface LlmRequest {
  mode: LlmMode;
  locale: 'ja' | 'en';
  messages: LlmMessage[];
  persona?: Persona;
  /** A stable key (a conversation id, say) that makes the offline model deterministic. */
  seed?: string;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface StreamResult {
  provider: ProviderName;
  /** Written provider/model, as in the configuration. */
  model: string;
  text: string;
  /** From the call to the first text chunk, fallbacks included. */
  firstTokenMs: number;
  /** From the call to the last chunk. */
  totalMs: number;
}

export interface LlmStream {
  /** Text deltas, for one consumer. Throws what `done` rejects with. */
  chunks: AsyncIterable<string>;
  done: Promise<StreamResult>;
}

export interface JsonSpec<T> {
  /** Names the answer in prompts and logs. */
  name: string;
  /** JSON Schema the answer must satisfy (checked with ajv). */
  schema: object;
  /** What the offline provider answers: the caller's deterministic heuristic. */
  offline: (request: LlmRequest) => T;
}

export interface JsonResult<T> {
  value: T;
  provider: ProviderName;
  model: string;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface ProviderDescription {
  name: ProviderName;
  /** Whether it has what it needs to answer (a key, or a base URL for a keyless local server). */
  configured: boolean;
  defaultModel: string;
  circuit: CircuitState;
}

export interface LlmDescription {
  /** The fallback order. */
  providers: ProviderDescription[];
  /** The model each mode tries first. */
  models: Record<LlmMode, string>;
}
