import { Logger } from '@nestjs/common';
import { backoffDelayMs, JOB_ATTEMPTS, KEEP_FINISHED_SECONDS, WORKER_CONCURRENCY } from './job-policy';
import type { AttemptRunner, Enqueued, JobBackend, JobCounts, JobView, NewJob } from './jobs.types';

interface LocalJob {
  id: string;
  queue: string;
  ownerId: string | null;
  data: unknown;
  status: JobView['status'];
  attemptsMade: number;
  result?: unknown;
  error?: string;
  createdAt: Date;
  finishedAt: Date | null;
}

interface LocalQueue {
  ready: string[];
  running: number;
  run?: AttemptRunner;
}

const MAX_FINISHED = 10_000;

/**
 * Jobs kept and run inside this process, for the single-instance mode without Redis. Same contract as the
 * BullMQ backend (ids, retries with backoff, failed state, retention); jobs do not survive a restart.
 */
export class LocalJobBackend implements JobBackend {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, LocalJob>();
  private readonly queues = new Map<string, LocalQueue>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly backoffMs: number) {}

  async enqueue<T>(queue: string, job: NewJob<T>): Promise<Enqueued> {
    const key = keyOf(queue, job.id);
    const existing = this.live(key);
    if (existing && existing.status !== 'failed') return { id: job.id, created: false };
    // A failed job asked for again runs afresh under the same id; re-inserting keeps the map in age order.
    this.jobs.delete(key);
    this.jobs.set(key, {
      id: job.id,
      queue,
      ownerId: job.ownerId ?? null,
      data: job.data,
      status: 'queued',
      attemptsMade: 0,
      createdAt: new Date(),
      finishedAt: null,
    });
    this.prune();
    this.queueOf(queue).ready.push(job.id);
    this.pump(queue);
    return { id: job.id, created: true };
  }

  async get(queue: string, id: string): Promise<JobView | null> {
    const job = this.live(keyOf(queue, id));
    return job ? { ...job } : null;
  }

  async counts(queue: string): Promise<JobCounts> {
    const counts: JobCounts = { queued: 0, running: 0, completed: 0, failed: 0 };
    for (const job of this.jobs.values()) if (job.queue === queue) counts[job.status]++;
    return counts;
  }

  startWorker(queue: string, run: AttemptRunner): void {
    this.queueOf(queue).run = run;
    this.pump(queue);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private pump(queue: string): void {
    const q = this.queueOf(queue);
    while (!this.closed && q.run && q.running < WORKER_CONCURRENCY && q.ready.length > 0) {
      const job = this.jobs.get(keyOf(queue, q.ready.shift()!));
      if (!job || job.status !== 'queued') continue;
      q.running++;
      const running = this.attempt(job, q.run).finally(() => {
        q.running--;
        this.inFlight.delete(running);
        this.pump(queue);
      });
      this.inFlight.add(running);
    }
  }

  private async attempt(job: LocalJob, run: AttemptRunner): Promise<void> {
    job.status = 'running';
    try {
      const result = await run(job.queue, {
        id: job.id,
        ownerId: job.ownerId,
        data: job.data,
        attempt: job.attemptsMade + 1,
      });
      job.attemptsMade++;
      job.status = 'completed';
      job.result = result;
      job.finishedAt = new Date();
    } catch (e) {
      job.attemptsMade++;
      if (job.attemptsMade >= JOB_ATTEMPTS) {
        job.status = 'failed';
        job.error = e instanceof Error ? e.message : String(e);
        job.finishedAt = new Date();
        return;
      }
      job.status = 'queued';
      this.retryLater(job);
    }
  }

  private retryLater(job: LocalJob): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (this.jobs.get(keyOf(job.queue, job.id)) !== job) return;
        this.queueOf(job.queue).ready.push(job.id);
        this.pump(job.queue);
      },
      backoffDelayMs(this.backoffMs, job.attemptsMade),
    );
    this.timers.add(timer);
  }

  private live(key: string): LocalJob | undefined {
    const job = this.jobs.get(key);
    if (job?.finishedAt && Date.now() - job.finishedAt.getTime() > KEEP_FINISHED_SECONDS * 1000) {
      this.jobs.delete(key);
      return undefined;
    }
    return job;
  }

  /** Drops the oldest finished jobs beyond the cap; unfinished ones are never dropped. */
  private prune(): void {
    let excess = this.jobs.size - MAX_FINISHED;
    if (excess <= 0) return;
    for (const [key, job] of this.jobs) {
      if (excess <= 0) break;
      if (job.finishedAt) {
        this.jobs.delete(key);
        excess--;
      }
    }
    if (excess > 0) this.logger.warn(`${this.jobs.size} unfinished jobs are waiting in this process`);
  }

  private queueOf(name: string): LocalQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = { ready: [], running: 0 };
      this.queues.set(name, q);
    }
    return q;
  }
}

function keyOf(queue: string, id: string): string {
  return `${queue}\u0000${id}`;
}
