import { ServiceUnavailableError } from '../../shared';

/**
 * Why no answer came: every provider failed or was skipped (`exhausted`), the provider refused the request
 * (`rejected`) or blocked it for safety (`blocked`), or the answer broke off after text had been sent (`interrupted`).
 */
export type LlmUnavailableReason = 'exhausted' | 'rejected' | 'blocked' | 'interrupted';

const MESSAGES: Record<LlmUnavailableReason, string> = {
  exhausted: 'The AI is unavailable right now. Please try again in a moment.',
  rejected: 'The AI could not process this request.',
  blocked: 'The AI declined to answer this message.',
  interrupted: 'The AI reply was interrupted. Please try again.',
};

/** The one error callers see when no answer can be produced: 503 LLM_UNAVAILABLE. */
export class LlmUnavailableError extends ServiceUnavailableError {
  constructor(readonly reason: LlmUnavailableReason) {
    super('LLM_UNAVAILABLE', MESSAGES[reason]);
  }
}
