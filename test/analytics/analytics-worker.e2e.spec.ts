import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { MetricsEndpoint } from '../../src/platform/metrics/metrics-endpoint';
import { createCliContext } from '../../src/cli';
import { createWorker } from '../../src/worker';
import { startApp, testConfig, type RunningApp } from '../helpers/app';
import { registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { waitFor } from '../helpers/wait';
import { freePort } from '../platform/support/processes';
import { api, as, dropRedisPrefix, finished, metric, PLAIN_EN, practise, SKILLED_EN } from './support';

const QUEUE = { queue: 'strength-analysis' };

/**
 * Two API instances that do not run jobs (JOBS_RUN_WORKER=false) and one worker process context, sharing
 * PostgreSQL and Redis. All three live in this Jest process, so /metrics of either instance shows the
 * job counters of all of them.
 */
describe('analysis jobs with two API instances and one worker', () => {
  const prefix = testRedisPrefix();
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  let worker: INestApplicationContext | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('analytics_worker');
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      JOBS_RUN_WORKER: 'false',
      JOBS_BACKOFF_MS: '50',
    };
    a = await startApp(env);
    b = await startApp(env);
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
    await dropRedisPrefix(prefix);
  });

  async function startWorker(): Promise<INestApplicationContext> {
    return createWorker(testConfig({ WORKER_METRICS_PORT: String(await freePort()), ...env }));
  }

  it('runs each job exactly once, and a failing analysis retries then lands in failed with its reason', async () => {
    // Learners practise on both instances; ending a conversation and its feedback queue analyses by themselves.
    const learners = await Promise.all([registerUser(a), registerUser(b), registerUser(a)]);
    await Promise.all(
      learners.map(async (learner, i) => {
        const via = i % 2 ? b : a;
        await practise(via, learner, { messages: PLAIN_EN });
        await practise(via === a ? b : a, learner, { messages: SKILLED_EN });
      }),
    );
    // Double clicks on both instances at once give one job per learner.
    const asked = await Promise.all(
      learners.flatMap((learner) =>
        [a, b, a, b].map((via) =>
          request(via.url).post(api('/analytics/strengths/analyze')).set(as(learner)).expect(202),
        ),
      ),
    );
    const jobIds = learners.map((_, i) => {
      const ids = new Set(asked.slice(i * 4, i * 4 + 4).map((r) => r.body.jobId as string));
      expect(ids.size).toBe(1);
      return [...ids][0];
    });

    // A learner whose only conversation is deleted after the analysis was queued: nothing is left to analyse.
    const leaver = await registerUser(b);
    const gone = await practise(b, leaver, { messages: SKILLED_EN.slice(0, 1), feedback: false, end: false });
    const doomed = (
      await request(b.url).post(api('/analytics/strengths/analyze')).set(as(leaver)).expect(202)
    ).body.jobId as string;
    await request(b.url)
      .delete(api(`/chat/session/${gone}`))
      .set(as(leaver))
      .expect(204);

    // Neither API instance takes jobs.
    for (const [learner, jobId] of learners.map((l, i) => [l, jobIds[i]] as const)) {
      const job = (
        await request(a.url)
          .get(api(`/analytics/jobs/${jobId}`))
          .set(as(learner))
          .expect(200)
      ).body;
      expect(job.status).toBe('queued');
    }
    const admin = await registerUser(a, { role: 'admin' });
    const queued = (await request(a.url).get(api('/admin/analytics/overview')).set(as(admin)).expect(200))
      .body.analysisJobs;
    expect(queued).toMatchObject({ running: 0, completed: 0, failed: 0 });
    expect(queued.queued).toBeGreaterThanOrEqual(learners.length + 1);
    const before = {
      completed: await metric(a, 'jobs_total', { ...QUEUE, outcome: 'completed' }),
      retried: await metric(a, 'jobs_total', { ...QUEUE, outcome: 'retried' }),
      failed: await metric(a, 'jobs_total', { ...QUEUE, outcome: 'failed' }),
    };

    // An operator command boots the whole application but never takes jobs; the worker does.
    const connection = new Redis(TEST_REDIS_URL);
    const queue = new Queue('strength-analysis', { connection, prefix: `${prefix}bull` });
    const workerAppears = (timeoutMs: number) =>
      waitFor(async () => (await queue.getWorkers()).length > 0, { timeoutMs }).then(
        () => true,
        () => false,
      );
    try {
      const cli = await createCliContext(testConfig({ ...env, JOBS_RUN_WORKER: 'true' }));
      // A worker registers within moments (the real one below does); none shows up for the command.
      const fromCli = await workerAppears(3000).finally(() => cli.close());
      expect(fromCli).toBe(false);
      worker = await startWorker();
      expect(await workerAppears(10000)).toBe(true);
    } finally {
      await queue.close();
      connection.disconnect();
    }

    for (const [i, learner] of learners.entries()) {
      const job = await finished(b, learner, jobIds[i]);
      expect(job).toMatchObject({ status: 'completed', attempts: 1 });
    }
    const failed = await finished(b, leaver, doomed);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/none of the conversations/i);
    expect(failed.result).toBeUndefined();
    const noAnalysis = await request(a.url).get(api('/analytics/strengths')).set(as(leaver)).expect(404);
    expect(noAnalysis.body.code).toBe('NO_ANALYSIS');

    const done = await waitFor(async () => {
      const counts = (await request(a.url).get(api('/admin/analytics/overview')).set(as(admin))).body
        .analysisJobs;
      return counts.queued === 0 && counts.running === 0 ? counts : undefined;
    });
    expect(done.failed).toBe(1);
    expect(done.completed).toBeGreaterThanOrEqual(learners.length);
    // One run per job: the completed attempts counted by all three instances equal the jobs that completed.
    const delta = async (outcome: keyof typeof before) =>
      (await metric(a, 'jobs_total', { ...QUEUE, outcome })) - before[outcome];
    await expect(delta('completed')).resolves.toBe(done.completed);
    await expect(delta('retried')).resolves.toBe(2);
    await expect(delta('failed')).resolves.toBe(1);
    expect(
      await metric(a, 'job_duration_seconds_count', { ...QUEUE, outcome: 'completed' }),
    ).toBeGreaterThanOrEqual(done.completed);

    for (const learner of learners) {
      const strengths = (await request(b.url).get(api('/analytics/strengths')).set(as(learner)).expect(200))
        .body;
      expect(strengths.basedOnConversations).toBe(2);
    }
  });

  it('serves its metrics and liveness on its own port, and nothing else', async () => {
    worker ??= await startWorker();
    const url = `http://127.0.0.1:${worker.get(MetricsEndpoint).port}`;
    const metrics = await request(url).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(/^jobs_total\{queue="strength-analysis",outcome="completed"\} [1-9]/m);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    await request(url).get('/health/live').expect(200, { status: 'ok' });
    const other = await request(url).get('/api/v1/users/me').expect(404);
    expect(other.body.code).toBe('NOT_FOUND');
  });

  it('refuses to start a worker without Redis', async () => {
    await expect(createWorker(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url }))).rejects.toThrow(
      /REDIS_URL/,
    );
  });
});
