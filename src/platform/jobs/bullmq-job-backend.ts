import { Logger } from '@nestjs/common';
import { Job, Queue, Worker, type JobsOptions } from 'bullmq';
import type { RedisConnections } from '../redis/redis-connections';
import { JOB_ATTEMPTS, KEEP_FINISHED_SECONDS, WORKER_CONCURRENCY } from './job-policy';
import type { AttemptRunner, Enqueued, JobBackend, JobCounts, JobView, NewJob } from './jobs.types';

/** What a BullMQ job carries: the owner travels with the data so any instance can check it. */
interface Envelope {
  ownerId: string | null;
  data: unknown;
}

const CLOSE_GRACE_MS = 10_000;

/** Waits for the promise, but no longer than `ms`; a rejection counts as settled. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => 'settled' as const,
        () => 'settled' as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const QUEUED_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Jobs in Redis through BullMQ: any instance enqueues and reads status, workers (in API instances or in the
 * worker process) take each job once. BullMQ keeps the id unique, retries with exponential backoff and moves a
 * job that used its attempts to the failed set with the reason.
 */
export class BullJobBackend implements JobBackend {
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly prefix: string;
  private readonly jobOptions: JobsOptions;

  constructor(
    private readonly redis: RedisConnections,
    backoffMs: number,
  ) {
    this.prefix = `${redis.keyPrefix}bull`;
    this.jobOptions = {
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
      removeOnFail: { age: KEEP_FINISHED_SECONDS },
    };
  }

  async enqueue<T>(queue: string, job: NewJob<T>): Promise<Enqueued> {
    const q = this.queue(queue);
    const existing = await q.getJob(job.id);
    if (existing) {
      if (!(await existing.isFailed())) return { id: job.id, created: false };
      // A failed job asked for again runs afresh under the same id. Another instance may be doing the same.
      await existing.remove().catch((e: Error) => this.logger.debug(`remove ${job.id}: ${e.message}`));
    }
    const envelope: Envelope = { ownerId: job.ownerId ?? null, data: job.data };
    // With a jobId that already exists BullMQ adds nothing, so two racing callers still make one job.
    await q.add(queue, envelope, { ...this.jobOptions, jobId: job.id });
    return { id: job.id, created: true };
  }

  async get(queue: string, id: string): Promise<JobView | null> {
    const q = this.queue(queue);
    // State first: the job read after it is at least as recent, so a finished state never shows older data.
    const state = await q.getJobState(id);
    if (state === 'unknown') return null;
    const job = (await q.getJob(id)) as Job<Envelope> | undefined;
    if (!job) return null;
    const view: JobView = {
      id,
      queue,
      ownerId: job.data.ownerId,
      status: state === 'active' ? 'running' : state === 'completed' || state === 'failed' ? state : 'queued',
      attemptsMade: job.attemptsMade,
      createdAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
    if (state === 'completed') view.result = job.returnvalue;
    if (state === 'failed') view.error = job.failedReason;
    return view;
  }

  async counts(queue: string): Promise<JobCounts> {
    const raw = await this.queue(queue).getJobCounts(
      'waiting',
      'delayed',
      'prioritized',
      'waiting-children',
      'active',
      'completed',
      'failed',
    );
    let queued = 0;
    for (const [state, n] of Object.entries(raw)) if (QUEUED_STATES.has(state)) queued += n;
    return { queued, running: raw.active ?? 0, completed: raw.completed ?? 0, failed: raw.failed ?? 0 };
  }

  startWorker(queue: string, run: AttemptRunner): void {
    const worker = new Worker<Envelope>(
      queue,
      (job) =>
        run(queue, {
          id: job.id!,
          ownerId: job.data.ownerId,
          data: job.data.data,
          attempt: job.attemptsMade + 1,
        }),
      {
        connection: this.redis.create(`jobs:${queue}:worker`, { maxRetriesPerRequest: null }),
        prefix: this.prefix,
        concurrency: WORKER_CONCURRENCY,
      },
    );
    // An unhandled 'error' event would crash the process; connection problems are retried by the client.
    worker.on('error', (e) => this.logger.warn(`worker ${queue}: ${e.message}`));
    this.workers.push(worker);
  }

  async close(): Promise<void> {
    // Workers first: they finish the jobs in hand before the queues and connections go. A worker whose
    // blocking connection is still reconnecting after a Redis outage may never finish closing: after the
    // grace period it is closed by force (its job returns to the queue when its lock expires).
    // With Redis down no job can be finished or handed back anyway: close by force at once.
    const force = this.redis.down;
    await Promise.allSettled(
      this.workers.map(async (w) => {
        if ((await settlesWithin(w.close(force), CLOSE_GRACE_MS)) === 'late') {
          this.logger.warn(`worker ${w.name} did not close within ${CLOSE_GRACE_MS} ms; closing it by force`);
          await settlesWithin(w.close(true), CLOSE_GRACE_MS);
        }
      }),
    );
    await Promise.allSettled([...this.queues.values()].map((q) => settlesWithin(q.close(), CLOSE_GRACE_MS)));
    this.workers.length = 0;
    this.queues.clear();
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        // Producers answer HTTP requests: with Redis down they fail at once instead of queueing commands.
        connection: this.redis.create(`jobs:${name}`, {
          maxRetriesPerRequest: null,
          enableOfflineQueue: false,
        }),
        prefix: this.prefix,
      });
      q.on('error', (e) => this.logger.warn(`queue ${name}: ${e.message}`));
      this.queues.set(name, q);
    }
    return q;
  }
}
