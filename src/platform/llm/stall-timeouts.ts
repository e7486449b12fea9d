import { ProviderFailure } from './provider-failure';

export interface StallLimits {
  firstTokenMs: number;
  idleMs: number;
}

const TIMED_OUT = Symbol('timed-out');

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>(
    (resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Passes a provider's chunks through, failing with a `timeout` ProviderFailure when the first chunk takes longer
 * than `firstTokenMs` or a later one longer than `idleMs`. `onStall` runs first so the caller can abort the HTTP
 * request behind the stream (some SDKs end a stream silently when aborted, so the failure is raised here).
 */
export async function* withStallTimeouts(
  source: AsyncIterable<string>,
  limits: StallLimits,
  onStall: (failure: ProviderFailure) => void,
): AsyncGenerator<string> {
  const iterator = source[Symbol.asyncIterator]();
  let first = true;
  try {
    for (;;) {
      const next = iterator.next();
      const result = await within(next, first ? limits.firstTokenMs : limits.idleMs);
      if (result === TIMED_OUT) {
        // The pending read rejects once the request is aborted; nobody waits for it any more.
        next.catch(() => undefined);
        const failure = new ProviderFailure(
          'timeout',
          first ? `no first token within ${limits.firstTokenMs} ms` : `no chunk for ${limits.idleMs} ms`,
        );
        onStall(failure);
        throw failure;
      }
      if (result.done) return;
      first = false;
      yield result.value;
    }
  } finally {
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
