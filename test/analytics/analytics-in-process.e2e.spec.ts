import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { waitFor } from '../helpers/wait';
import { api, as, finished, practise, SKILLED_EN } from './support';

/** Single-instance mode: no Redis, so jobs are queued and run inside the API process. */
describe('analytics without Redis', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let learner: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase('analytics_local');
    running = await startApp({ DATABASE_URL: db.url, JOBS_RUN_WORKER: 'false', JOBS_BACKOFF_MS: '50' });
    learner = await registerUser(running);
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('analyses in the API process after a conversation, and answers repeated requests with the same job', async () => {
    await practise(running, learner, {
      locale: 'ja',
      messages: ['お疲れさまです。確認ですが、締め切りは金曜17時でよろしいでしょうか？'],
    });
    const strengths = await waitFor(async () => {
      const res = await request(running.url).get(api('/analytics/strengths')).set(as(learner));
      return res.status === 200 ? res.body : undefined;
    });
    expect(strengths.basedOnConversations).toBe(1);
    expect(strengths.feedback).toContain('直近1件の会話');

    const first = (
      await request(running.url).post(api('/analytics/strengths/analyze')).set(as(learner)).expect(202)
    ).body.jobId;
    const second = (
      await request(running.url).post(api('/analytics/strengths/analyze')).set(as(learner)).expect(202)
    ).body.jobId;
    expect(second).toBe(first);
    const job = await finished(running, learner, first);
    expect(job.status).toBe('completed');
    expect(job.result?.id).toBe(strengths.id);

    await practise(running, learner, { locale: 'en', messages: SKILLED_EN });
    const next = (
      await request(running.url).post(api('/analytics/strengths/analyze')).set(as(learner)).expect(202)
    ).body.jobId;
    expect(next).not.toBe(first);
    const done = await finished(running, learner, next);
    expect(done.result?.id).not.toBe(strengths.id);
  });
});
