/** Why one attempt at one provider failed. Decides retry, fallback and what the circuit breaker counts. */
export type FailureKind =
  | 'timeout'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'malformed'
  | 'unconfigured'
  | 'invalid_json'
  | 'rejected'
  | 'blocked'
  | 'aborted';

export class ProviderFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** The SDK's own error, for debug logs only: its message may quote provider output. */
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'ProviderFailure';
  }
}

/** A rejected request (400) or a safety block would fail the same way elsewhere, so they end the chain. */
export const fallsBack = (kind: FailureKind): boolean => !['rejected', 'blocked', 'aborted'].includes(kind);

/**
 * Transient faults are worth another try at the same provider. A timeout or a quota error is not:
 * waiting again would only double the learner's wait, so those go straight to the next provider.
 */
export const retriesSameProvider = (kind: FailureKind): boolean =>
  ['server', 'network', 'malformed'].includes(kind);

/** Only faults that say the provider itself is unwell open its circuit. */
export const countsAgainstProvider = (kind: FailureKind): boolean =>
  ['timeout', 'rate_limited', 'server', 'network', 'malformed', 'unconfigured'].includes(kind);

/** Maps an HTTP status from a provider to a failure kind. */
export function kindOfStatus(status: number): FailureKind {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403 || status === 404) return 'unconfigured';
  if (status >= 500) return 'server';
  return 'rejected';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

// Errors are read by shape, not instanceof: fetch's errors may come from another realm (a test sandbox).
const asErrorLike = (e: unknown): ErrorLike | undefined =>
  e !== null && typeof e === 'object' ? e : undefined;

/** Recognises the errors fetch (undici) throws when a connection fails or breaks off. */
export function isNetworkError(error: unknown): boolean {
  let e = asErrorLike(error);
  for (let depth = 0; e && depth < 4; e = asErrorLike(e.cause), depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (
      message === 'fetch failed' ||
      message === 'terminated' ||
      /socket hang up|other side closed/i.test(message)
    )
      return true;
  }
  return false;
}

export function isAbortError(error: unknown): boolean {
  const name = asErrorLike(error)?.name;
  return name === 'AbortError' || name === 'APIUserAbortError';
}

/** The error's name, for messages that must not quote the error's own text. */
export function errorName(error: unknown): string {
  const name = asErrorLike(error)?.name;
  return typeof name === 'string' ? name : 'unknown error';
}

export function errorMessage(error: unknown): string {
  const message = asErrorLike(error)?.message;
  return typeof message === 'string' ? message : String(error);
}
