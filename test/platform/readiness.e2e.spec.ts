import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, type TestDatabase } from '../helpers/database';
import { waitFor } from '../helpers/wait';
import { ThrowawayRedis } from './support/processes';

/** Readiness against a Redis of the test's own, which it kills and brings back; the app is never restarted. */
describe('readiness follows Redis', () => {
  let db: TestDatabase;
  let redis: ThrowawayRedis;
  let running: RunningApp;
  let user: TestUser;

  const readiness = () => request(running.url).get('/health/ready');

  beforeAll(async () => {
    db = await createTestDatabase('ready');
    redis = await ThrowawayRedis.start();
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: testRedisPrefix(),
      HEALTH_CHECK_TIMEOUT_MS: '500',
    });
    user = await registerUser(running);
  });
  afterAll(async () => {
    await running?.close();
    await redis?.kill();
    await db?.drop();
  });

  it('is ready while PostgreSQL and Redis answer', async () => {
    const res = await readiness().expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('answers 503 naming Redis while it is down, and 200 again once it is back', async () => {
    await redis.kill();

    let res = await readiness();
    await waitFor(async () => (res = await readiness()).status === 503);
    expect(res.body).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringContaining('redis'),
      details: [{ field: 'redis', messages: [expect.any(String)] }],
      requestId: expect.any(String),
    });
    // Liveness checks nothing, so an orchestrator does not restart an instance that only waits for Redis.
    await request(running.url).get('/health/live').expect(200);
    // Whether a token was revoked lives in Redis: without it, authenticated requests fail closed.
    const me = await request(running.url)
      .get('/api/v1/users/me')
      .set('Authorization', `Bearer ${user.accessToken}`);
    expect([me.status, me.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);

    await redis.restart();
    await waitFor(async () => (res = await readiness()).status === 200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    await request(running.url)
      .get('/api/v1/users/me')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .expect(200);
  });
});
