import type { CircuitState } from './llm.types';

/** Permission for one attempt; settle it exactly once. */
export interface CircuitPermit {
  success(): void;
  failure(): void;
  /** The attempt ended without saying anything about the provider (cancelled, or the request's own fault). */
  release(): void;
}

/**
 * Skips a provider after `threshold` consecutive failures. After `resetMs` it lets one probe through
 * (half-open): a success closes the circuit, a failure opens it for another `resetMs`.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;

  constructor(
    private readonly threshold: number,
    private readonly resetMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.resetMs ? 'half-open' : 'open';
  }

  /** A permit when the provider may be tried now, otherwise undefined. */
  acquire(): CircuitPermit | undefined {
    const state = this.state;
    if (state === 'open') return undefined;
    if (state === 'half-open') {
      if (this.probing) return undefined;
      this.probing = true;
      return this.permit(true);
    }
    return this.permit(false);
  }

  private permit(probe: boolean): CircuitPermit {
    let settled = false;
    const settle = (fn: () => void) => () => {
      if (settled) return;
      settled = true;
      if (probe) this.probing = false;
      fn();
    };
    return {
      success: settle(() => {
        this.failures = 0;
        this.openedAt = undefined;
      }),
      failure: settle(() => {
        this.failures++;
        if (probe || (this.openedAt === undefined && this.failures >= this.threshold))
          this.openedAt = this.now();
      }),
      release: settle(() => undefined),
    };
  }
}
