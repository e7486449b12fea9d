import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config';
import { ServiceUnavailableError } from '../../shared';
import { RedisConnections } from '../redis/redis-connections';
import { BullJobBackend } from './bullmq-job-backend';
import { assertQueueName, JOB_ATTEMPTS } from './job-policy';
import { JobMetrics } from './jobs.metrics';
import type { Enqueued, JobBackend, JobCounts, JobHandler, JobView, NewJob, RunnableJob } from './jobs.types';
import { LocalJobBackend } from './local-job-backend';

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export interface JobsOptions {
  /** Whether this process takes jobs from the queues. Without Redis the process always does, as no one else can. */
  runWorkers: boolean;
}

/**
 * Background jobs behind one interface: BullMQ when Redis is configured, this process otherwise. Modules
 * register a handler per queue at init and enqueue jobs with ids derived from their input; workers start
 * at bootstrap in processes that run them.
 */
@Injectable()
export class Jobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly backend: JobBackend;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly started = new Set<string>();
  private readonly runsWorkers: boolean;
  private bootstrapped = false;

  constructor(
    @Inject(JOBS_OPTIONS) options: JobsOptions,
    @InjectConfig() config: AppConfig,
    redis: RedisConnections,
    private readonly metrics: JobMetrics,
  ) {
    this.backend = redis.enabled
      ? new BullJobBackend(redis, config.jobs.backoffMs)
      : new LocalJobBackend(config.jobs.backoffMs);
    this.runsWorkers = options.runWorkers || !redis.enabled;
    if (!options.runWorkers && !redis.enabled) {
      this.logger.warn('Without Redis, jobs run in this process whatever JOBS_RUN_WORKER says.');
    }
  }

  /** The handler of a queue. Registering after bootstrap starts its worker at once. */
  register<T, R>(queue: string, handler: JobHandler<T, R>): void {
    assertQueueName(queue);
    if (this.handlers.has(queue)) throw new Error(`Queue "${queue}" already has a handler.`);
    this.handlers.set(queue, handler as JobHandler);
    if (this.bootstrapped) this.startWorker(queue);
  }

  /** Adds a job unless one with this id is queued, running or completed; a failed one runs again. */
  async enqueue<T>(queue: string, job: NewJob<T>): Promise<Enqueued> {
    assertQueueName(queue);
    const outcome = await this.available(() => this.backend.enqueue(queue, job));
    if (outcome.created) await this.recordDepth(queue);
    return outcome;
  }

  get<R = unknown>(queue: string, id: string): Promise<JobView<R> | null> {
    return this.available(() => this.backend.get(queue, id) as Promise<JobView<R> | null>);
  }

  counts(queue: string): Promise<JobCounts> {
    return this.available(() => this.backend.counts(queue));
  }

  onApplicationBootstrap(): void {
    this.bootstrapped = true;
    for (const queue of this.handlers.keys()) this.startWorker(queue);
  }

  async onModuleDestroy(): Promise<void> {
    await this.backend.close();
  }

  private startWorker(queue: string): void {
    if (!this.runsWorkers || this.started.has(queue)) return;
    this.started.add(queue);
    this.backend.startWorker(queue, (q, job) => this.runAttempt(q, job));
    this.logger.log(`worker started for queue ${queue}`);
  }

  private async runAttempt(queue: string, job: RunnableJob): Promise<unknown> {
    const handler = this.handlers.get(queue);
    if (!handler) throw new Error(`No handler for queue "${queue}".`);
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    try {
      const result = await handler(job.data, {
        id: job.id,
        queue,
        ownerId: job.ownerId,
        attempt: job.attempt,
      });
      this.metrics.attempt(queue, 'completed', seconds());
      return result;
    } catch (e) {
      const last = job.attempt >= JOB_ATTEMPTS;
      this.metrics.attempt(queue, last ? 'failed' : 'retried', seconds());
      this.logger.warn(
        `job ${job.id} of ${queue} failed (attempt ${job.attempt}/${JOB_ATTEMPTS}): ${(e as Error).message}`,
      );
      throw e;
    } finally {
      void this.recordDepth(queue);
    }
  }

  /** A store that cannot be reached is a 503 for the caller, not an internal error. */
  private async available<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (e) {
      this.logger.warn(`job store unavailable: ${(e as Error).message}`);
      throw new ServiceUnavailableError(
        'SERVICE_UNAVAILABLE',
        'Background jobs are unavailable right now. Please try again shortly.',
      );
    }
  }

  private async recordDepth(queue: string): Promise<void> {
    try {
      this.metrics.queued(queue, (await this.backend.counts(queue)).queued);
    } catch (e) {
      this.logger.debug(`queue depth of ${queue} unavailable: ${(e as Error).message}`);
    }
  }
}
