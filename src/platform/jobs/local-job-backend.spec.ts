import { setTimeout as sleep } from 'node:timers/promises';
import type { JobView, RunnableJob } from './jobs.types';
import { LocalJobBackend } from './local-job-backend';

async function settled(backend: LocalJobBackend, id: string): Promise<JobView> {
  for (let i = 0; i < 200; i++) {
    const job = await backend.get('q', id);
    if (job && (job.status === 'completed' || job.status === 'failed')) return job;
    await sleep(5);
  }
  throw new Error(`job ${id} did not finish`);
}

describe('LocalJobBackend', () => {
  let backend: LocalJobBackend;
  beforeEach(() => {
    backend = new LocalJobBackend(5);
  });
  afterEach(() => backend.close());

  it('runs a job once and keeps its result and owner', async () => {
    const seen: RunnableJob[] = [];
    backend.startWorker('q', async (_queue, job) => {
      seen.push(job);
      return { doubled: (job.data as number) * 2 };
    });
    await expect(backend.enqueue('q', { id: 'j1', ownerId: 'u1', data: 21 })).resolves.toEqual({
      id: 'j1',
      created: true,
    });
    const done = await settled(backend, 'j1');
    expect(done).toMatchObject({
      status: 'completed',
      ownerId: 'u1',
      attemptsMade: 1,
      result: { doubled: 42 },
    });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(seen.map((j) => j.attempt)).toEqual([1]);
  });

  it('adds nothing for an id that is queued, running or completed', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    backend.startWorker('q', async () => {
      runs++;
      await gate;
      return 'ok';
    });
    await backend.enqueue('q', { id: 'same', data: 1 });
    await expect(backend.enqueue('q', { id: 'same', data: 1 })).resolves.toEqual({
      id: 'same',
      created: false,
    });
    expect((await backend.get('q', 'same'))?.status).toBe('running');
    release();
    await settled(backend, 'same');
    await expect(backend.enqueue('q', { id: 'same', data: 1 })).resolves.toMatchObject({ created: false });
    await sleep(20);
    expect(runs).toBe(1);
  });

  it('retries with backoff, then keeps the job failed with the reason', async () => {
    const attempts: number[] = [];
    backend.startWorker('q', async (_queue, job) => {
      attempts.push(job.attempt);
      throw new Error(`broken input ${job.attempt}`);
    });
    await backend.enqueue('q', { id: 'bad', data: null });
    const failed = await settled(backend, 'bad');
    expect(attempts).toEqual([1, 2, 3]);
    expect(failed).toMatchObject({ status: 'failed', attemptsMade: 3, error: 'broken input 3' });
    expect(failed.result).toBeUndefined();
    await expect(backend.counts('q')).resolves.toEqual({ queued: 0, running: 0, completed: 0, failed: 1 });
  });

  it('runs a failed job again when it is asked for again', async () => {
    let fail = true;
    backend.startWorker('q', async () => {
      if (fail) throw new Error('not yet');
      return 'done';
    });
    await backend.enqueue('q', { id: 'again', data: null });
    await settled(backend, 'again');
    fail = false;
    await expect(backend.enqueue('q', { id: 'again', data: null })).resolves.toMatchObject({ created: true });
    await expect(settled(backend, 'again')).resolves.toMatchObject({
      status: 'completed',
      attemptsMade: 1,
      result: 'done',
    });
  });

  it('keeps jobs queued until a worker starts, and reports unknown ids as missing', async () => {
    await backend.enqueue('q', { id: 'waiting', data: null });
    await expect(backend.counts('q')).resolves.toMatchObject({ queued: 1 });
    await expect(backend.get('q', 'nope')).resolves.toBeNull();
    await expect(backend.get('other', 'waiting')).resolves.toBeNull();
    backend.startWorker('q', async () => 'late');
    await expect(settled(backend, 'waiting')).resolves.toMatchObject({ status: 'completed' });
  });
});
