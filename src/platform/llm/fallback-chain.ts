import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CircuitBreaker } from './circuit-breaker';
import { LlmUnavailableError } from './llm-unavailable.error';
import type { LlmMetrics } from './llm.metrics';
import type { LlmRequest, ProviderName } from './llm.types';
import type { ModelRef } from './model-ref';
import { countsAgainstProvider, ProviderFailure, retriesSameProvider } from './provider-failure';
import type { LlmProvider } from './providers/llm-provider';

export interface Target {
  provider: LlmProvider;
  ref: ModelRef;
  /** provider/model, as configured and as metrics label it. */
  label: string;
}

export interface ChainRun<R> {
  request: LlmRequest;
  targets: Target[];
  attempt: (target: Target) => Promise<R>;
  /** True once output has reached the caller: from then on a failure is final. */
  committed?: () => boolean;
}

const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 2000;

/**
 * Walks the fallback chain: skips providers whose circuit is open, retries transient faults with backoff while
 * nothing has been sent, moves on after timeouts, quota and outage errors, and stops at once on a rejected or
 * blocked request, a failure after output, or the caller's abort.
 */
export class FallbackChain {
  private readonly logger = new Logger('Llm');

  constructor(
    private readonly breakers: Record<ProviderName, CircuitBreaker>,
    private readonly metrics: LlmMetrics,
    private readonly maxRetries: number,
  ) {}

  async run<R>({ request, targets, attempt, committed }: ChainRun<R>): Promise<{ value: R; target: Target }> {
    const { signal, mode } = request;
    for (const [index, target] of targets.entries()) {
      const name = target.provider.name;
      if (!target.provider.configured()) this.metrics.attempt(name, 'unconfigured');
      else {
        for (let retry = 0; ; retry++) {
          signal?.throwIfAborted();
          const permit = this.breakers[name].acquire();
          if (!permit) {
            this.metrics.attempt(name, 'circuit_open');
            break;
          }
          try {
            const value = await attempt(target);
            permit.success();
            this.metrics.attempt(name, 'success');
            return { value, target };
          } catch (e) {
            const failure = this.classify(e, signal);
            if (countsAgainstProvider(failure.kind)) permit.failure();
            else permit.release();
            this.metrics.attempt(name, failure.kind);
            if (failure.kind === 'aborted') signal?.throwIfAborted();
            this.logger.warn(
              {
                provider: name,
                model: target.label,
                mode,
                outcome: failure.kind,
                status: failure.status,
                retry,
                reason: failure.message,
              },
              'LLM attempt failed',
            );
            // The SDK's own error may quote provider output, so it stays at debug level.
            if (failure.cause)
              this.logger.debug({ provider: name, err: failure.cause }, 'LLM attempt failure detail');
            if (committed?.())
              throw new LlmUnavailableError(failure.kind === 'blocked' ? 'blocked' : 'interrupted');
            if (failure.kind === 'blocked' || failure.kind === 'rejected')
              throw new LlmUnavailableError(failure.kind);
            if (!retriesSameProvider(failure.kind) || retry >= this.maxRetries) break;
            await this.backoff(retry + 1, signal);
          }
        }
      }
      const next = targets[index + 1];
      if (next) this.metrics.fallback(name, next.provider.name);
    }
    throw new LlmUnavailableError('exhausted');
  }

  private classify(error: unknown, signal?: AbortSignal): ProviderFailure {
    if (signal?.aborted) return new ProviderFailure('aborted', 'cancelled by the caller');
    if (error instanceof ProviderFailure) {
      // An abort nobody asked for (no caller abort, no timer) means the connection went away.
      return error.kind === 'aborted'
        ? new ProviderFailure('network', 'request aborted unexpectedly')
        : error;
    }
    this.logger.error({ err: error }, 'LLM provider failed unexpectedly');
    return new ProviderFailure('server', 'unexpected provider error');
  }

  private async backoff(attempt: number, signal?: AbortSignal): Promise<void> {
    const ms = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
    try {
      await sleep(ms, undefined, { signal });
    } catch {
      signal?.throwIfAborted();
    }
  }
}
