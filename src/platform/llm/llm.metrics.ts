import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import type { LlmMode, ProviderName } from './llm.types';
import type { FailureKind } from './provider-failure';

export type AttemptOutcome = 'success' | 'circuit_open' | FailureKind;

export const llmMetricProviders = [
  makeHistogramProvider({
    name: 'llm_response_duration_seconds',
    help: 'Time from an LLM request to the last chunk of its answer',
    labelNames: ['model', 'mode'],
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
  }),
  makeHistogramProvider({
    name: 'llm_time_to_first_token_seconds',
    help: 'Time from an LLM request to the first chunk of its answer',
    labelNames: ['model', 'mode'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15],
  }),
  makeCounterProvider({
    name: 'llm_requests_total',
    help: 'LLM attempts by provider and outcome',
    labelNames: ['provider', 'outcome'],
  }),
  makeCounterProvider({
    name: 'llm_fallbacks_total',
    help: 'Moves from one LLM provider to the next',
    labelNames: ['from', 'to'],
  }),
];

@Injectable()
export class LlmMetrics {
  constructor(
    @InjectMetric('llm_response_duration_seconds') private readonly duration: Histogram<string>,
    @InjectMetric('llm_time_to_first_token_seconds') private readonly firstToken: Histogram<string>,
    @InjectMetric('llm_requests_total') private readonly requests: Counter<string>,
    @InjectMetric('llm_fallbacks_total') private readonly fallbacks: Counter<string>,
  ) {}

  answered(model: string, mode: LlmMode, totalMs: number, firstTokenMs?: number): void {
    this.duration.observe({ model, mode }, totalMs / 1000);
    if (firstTokenMs !== undefined) this.firstToken.observe({ model, mode }, firstTokenMs / 1000);
  }

  attempt(provider: ProviderName, outcome: AttemptOutcome): void {
    this.requests.inc({ provider, outcome });
  }

  fallback(from: ProviderName, to: ProviderName): void {
    this.fallbacks.inc({ from, to });
  }
}
