import type { LlmMessage, LlmRequest, ProviderName } from '../llm.types';

/** One call to one provider. `messages` may differ from the request's (JSON instructions, repair turns). */
export interface ProviderCall {
  request: LlmRequest;
  model: string;
  messages: LlmMessage[];
  /** Aborted by the caller, or by a stall or deadline timer; adapters hand it to their SDK. */
  signal: AbortSignal;
  /** Ask for a JSON answer (the schema itself travels in a system message). */
  json?: boolean;
}

/**
 * The port every provider implements. Adapters translate their SDK's errors into ProviderFailure, yield only
 * non-empty text, and fail (rather than end quietly) when a stream stops before the model said it finished.
 */
export interface LlmProvider {
  readonly name: ProviderName;
  /** Remote providers can stall; the service watches them with the first-token and idle timeouts. */
  readonly remote: boolean;
  configured(): boolean;
  /** Loads what the first call would otherwise wait for (an SDK, a client), so it does not eat into timeouts. */
  prepare?(): Promise<void>;
  stream(call: ProviderCall): AsyncIterable<string>;
  complete(call: ProviderCall): Promise<string>;
}
