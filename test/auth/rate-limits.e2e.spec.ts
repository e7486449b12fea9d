import request from 'supertest';
import { RateLimitService } from '../../src/platform/rate-limit';
import { RateLimitedError } from '../../src/shared';
import type { RunningApp } from '../helpers/app';
import { bearer, registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { startProbeApp } from './support/probe-app';

const API = '/api/v1';
const LIMITS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_PER_MINUTE: '1000',
  RATE_LIMIT_PER_HOUR: '1000',
  RATE_LIMIT_MESSAGE_PER_MINUTE: '3',
  RATE_LIMIT_SCENARIO_START_PER_MINUTE: '2',
  RATE_LIMIT_WATCH_START_PER_MINUTE: '2',
  RATE_LIMIT_ANALYTICS_PER_HOUR: '2',
};

function expectRateLimited(res: request.Response, windowSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    statusCode: 429,
    code: 'RATE_LIMITED',
    message: expect.any(String),
    requestId: expect.any(String),
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe('rate limits', () => {
  let db: TestDatabase;
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('ratelimit');
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db?.drop();
  });

  describe('named limits, shared by two instances on one Redis', () => {
    let a: RunningApp;
    let b: RunningApp;

    beforeAll(async () => {
      const env = {
        ...LIMITS,
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: testRedisPrefix(),
      };
      [a, b] = await Promise.all([startProbeApp(env), startProbeApp(env)]);
      apps.push(a, b);
    });

    it.each([
      ['message', 'post', '/probe/message', 3, 60],
      ['scenarioStart', 'post', '/probe/scenario-start', 2, 60],
      ['watchStart', 'post', '/probe/watch-start', 2, 60],
      ['analytics', 'get', '/probe/analytics', 2, 3600],
    ] as const)(
      'spends the %s limit per user across instances, then answers 429 with Retry-After',
      async (_, method, path, limit, window) => {
        const [user, other] = [await registerUser(a), await registerUser(a)];
        for (let i = 0; i < limit; i++) {
          const app = i % 2 === 0 ? a : b;
          await request(app.url)
            [method](`${API}${path}`)
            .set('Authorization', bearer(user.accessToken))
            .expect((r) => expect(r.status).toBeLessThan(300));
        }
        expectRateLimited(
          await request(b.url)[method](`${API}${path}`).set('Authorization', bearer(user.accessToken)),
          window,
        );
        expectRateLimited(
          await request(a.url)[method](`${API}${path}`).set('Authorization', bearer(user.accessToken)),
          window,
        );
        // Per user: another account is untouched, and so are the user's other routes.
        await request(a.url)
          [method](`${API}${path}`)
          .set('Authorization', bearer(other.accessToken))
          .expect((r) => expect(r.status).toBeLessThan(300));
        await request(a.url)
          .get(`${API}/users/me`)
          .set('Authorization', bearer(user.accessToken))
          .expect(200);
      },
    );

    it('gives socket messages and HTTP messages one budget per user', async () => {
      const user = await registerUser(a);
      const limits = b.app.get(RateLimitService);
      await limits.consume('message', user.id);
      await limits.consume('message', user.id);
      await request(a.url)
        .post(`${API}/probe/message`)
        .set('Authorization', bearer(user.accessToken))
        .expect(201);
      const spent = await limits.consume('message', user.id).catch((e: unknown) => e);
      expect(spent).toBeInstanceOf(RateLimitedError);
      expect((spent as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expectRateLimited(
        await request(a.url).post(`${API}/probe/message`).set('Authorization', bearer(user.accessToken)),
        60,
      );
    });
  });

  describe('the general limit', () => {
    let app: RunningApp;

    beforeAll(async () => {
      app = await startProbeApp({
        ...LIMITS,
        RATE_LIMIT_PER_MINUTE: '4',
        TRUST_PROXY: 'true',
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: testRedisPrefix(),
      });
      apps.push(app);
    });

    it('counts anonymous callers by client address (X-Forwarded-For behind a trusted proxy)', async () => {
      for (let i = 0; i < 4; i++)
        await request(app.url).get(`${API}/probe/public`).set('X-Forwarded-For', '203.0.113.10').expect(200);
      expectRateLimited(
        await request(app.url).get(`${API}/probe/public`).set('X-Forwarded-For', '203.0.113.10'),
        60,
      );
      await request(app.url).get(`${API}/probe/public`).set('X-Forwarded-For', '203.0.113.11').expect(200);
    });

    it('counts signed-in callers by account, whatever their address', async () => {
      const [alice, bob] = [await registerUser(app), await registerUser(app)];
      for (let i = 0; i < 4; i++) {
        await request(app.url)
          .get(`${API}/probe/signed-in`)
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .set('Authorization', bearer(alice.accessToken))
          .expect(200);
      }
      expectRateLimited(
        await request(app.url)
          .get(`${API}/probe/signed-in`)
          .set('X-Forwarded-For', '198.51.100.99')
          .set('Authorization', bearer(alice.accessToken)),
        60,
      );
      await request(app.url)
        .get(`${API}/probe/signed-in`)
        .set('X-Forwarded-For', '198.51.100.0')
        .set('Authorization', bearer(bob.accessToken))
        .expect(200);
    });

    it('leaves operations routes alone', async () => {
      for (let i = 0; i < 6; i++)
        await request(app.url).get('/health/live').set('X-Forwarded-For', '203.0.113.20').expect(200);
    });
  });

  describe('without Redis (counters in the process)', () => {
    it('applies the same limits', async () => {
      const app = await startProbeApp({ ...LIMITS, DATABASE_URL: db.url });
      apps.push(app);
      const user = await registerUser(app);
      await app.app.get(RateLimitService).consume('message', user.id);
      for (let i = 0; i < 2; i++)
        await request(app.url)
          .post(`${API}/probe/message`)
          .set('Authorization', bearer(user.accessToken))
          .expect(201);
      expectRateLimited(
        await request(app.url).post(`${API}/probe/message`).set('Authorization', bearer(user.accessToken)),
        60,
      );
    });
  });

  describe('switched off (RATE_LIMIT_ENABLED=false)', () => {
    it('never answers 429', async () => {
      const app = await startProbeApp({
        ...LIMITS,
        RATE_LIMIT_ENABLED: 'false',
        RATE_LIMIT_PER_MINUTE: '1',
        DATABASE_URL: db.url,
      });
      apps.push(app);
      const user = await registerUser(app);
      for (let i = 0; i < 5; i++) {
        await request(app.url)
          .post(`${API}/probe/message`)
          .set('Authorization', bearer(user.accessToken))
          .expect(201);
      }
      await app.app.get(RateLimitService).consume('message', user.id);
    });
  });
});
