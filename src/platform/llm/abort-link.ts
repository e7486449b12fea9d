export interface LinkedAbort {
  signal: AbortSignal;
  abort(reason?: unknown): void;
  /** Stops listening to the parent; call when the attempt is over. */
  dispose(): void;
}

/** An AbortController for one attempt that also aborts when the caller's signal does. */
export function linkedAbort(parent?: AbortSignal): LinkedAbort {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose: () => parent?.removeEventListener('abort', onAbort),
  };
}
