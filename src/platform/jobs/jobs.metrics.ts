import { Injectable } from '@nestjs/common';
import {
  InjectMetric,
  makeCounterProvider,
  makeGaugeProvider,
  makeHistogramProvider,
} from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';

export type AttemptOutcome = 'completed' | 'retried' | 'failed';

export const jobMetricProviders = [
  makeCounterProvider({
    name: 'jobs_total',
    help: 'Job attempts by queue and outcome (completed, retried, failed for good)',
    labelNames: ['queue', 'outcome'],
  }),
  makeHistogramProvider({
    name: 'job_duration_seconds',
    help: 'Duration of one job attempt',
    labelNames: ['queue', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  }),
  makeGaugeProvider({
    name: 'job_queue_depth',
    help: 'Jobs waiting in a queue (retries included), as last seen by this instance',
    labelNames: ['queue'],
  }),
];

@Injectable()
export class JobMetrics {
  constructor(
    @InjectMetric('jobs_total') private readonly total: Counter<string>,
    @InjectMetric('job_duration_seconds') private readonly duration: Histogram<string>,
    @InjectMetric('job_queue_depth') private readonly depth: Gauge<string>,
  ) {}

  attempt(queue: string, outcome: AttemptOutcome, seconds: number): void {
    this.total.inc({ queue, outcome });
    this.duration.observe({ queue, outcome }, seconds);
  }

  queued(queue: string, count: number): void {
    this.depth.set({ queue }, count);
  }
}
