/** What a client sees of a job: waiting (including between retries), being processed, or finished. */
export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface JobView<R = unknown> {
  id: string;
  queue: string;
  /** Who asked for the job, when it belongs to someone; readers check it before showing the job. */
  ownerId: string | null;
  status: JobStatus;
  /** Attempts that have ended (failed or completed). */
  attemptsMade: number;
  result?: R;
  /** Why the last attempt failed; set once the job has failed for good. */
  error?: string;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface NewJob<T> {
  /** Callers derive it from what the job works on, so that asking twice for the same work adds one job. */
  id: string;
  ownerId?: string | null;
  data: T;
}

export interface Enqueued {
  id: string;
  /** false when a job with this id was already queued, running or completed. */
  created: boolean;
}

export interface JobCounts {
  queued: number;
  running: number;
  completed: number;
  failed: number;
}

export interface JobContext {
  id: string;
  queue: string;
  ownerId: string | null;
  /** 1 for the first try. */
  attempt: number;
}

export type JobHandler<T = unknown, R = unknown> = (data: T, context: JobContext) => Promise<R>;

/** A job as a backend hands it to a worker. */
export interface RunnableJob {
  id: string;
  ownerId: string | null;
  data: unknown;
  attempt: number;
}

/** Runs one attempt; a rejection is a failed attempt. */
export type AttemptRunner = (queue: string, job: RunnableJob) => Promise<unknown>;

/** Where jobs are kept and run: Redis (BullMQ) or this process. */
export interface JobBackend {
  enqueue<T>(queue: string, job: NewJob<T>): Promise<Enqueued>;
  get(queue: string, id: string): Promise<JobView | null>;
  counts(queue: string): Promise<JobCounts>;
  startWorker(queue: string, run: AttemptRunner): void;
  close(): Promise<void>;
}
