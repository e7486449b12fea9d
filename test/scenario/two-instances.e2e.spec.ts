import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';

/** Reads `cache_*_total{cache="scenarios"}` from an instance's metrics. */
async function cacheCounter(
  running: RunningApp,
  name: 'cache_requests_total' | 'cache_hits_total',
): Promise<number> {
  const res = await request(running.url).get('/metrics').expect(200);
  const match = new RegExp(`^${name}\\{cache="scenarios"\\} (\\d+)`, 'm').exec(res.text);
  return match ? Number(match[1]) : 0;
}

describe('scenario cache across two instances (one database, one Redis)', () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    db = await createTestDatabase('scenario_cache');
    const env = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: testRedisPrefix() };
    a = await startApp(env);
    b = await startApp(env);
    admin = (await registerUser(a, { role: 'admin' })).accessToken;
    reader = (await registerUser(a)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  const get = (on: RunningApp, path: string, token = reader) =>
    request(on.url).get(`/api/v1${path}`).set('Authorization', bearer(token));

  it('serves repeated reads from the cache', async () => {
    await get(b, '/scenarios/discount-request').expect(200);
    const hitsBefore = await cacheCounter(b, 'cache_hits_total');
    await get(b, '/scenarios/discount-request').expect(200);
    await get(b, '/scenarios/discount-request').expect(200);
    expect(await cacheCounter(b, 'cache_hits_total')).toBeGreaterThanOrEqual(hitsBefore + 2);
  });

  it('serves the new version on instance B right after an update on instance A', async () => {
    const before = await get(b, '/scenarios/discount-request').expect(200);
    const listed = await get(b, '/scenarios').query({ q: '値引き' }).expect(200);
    expect(listed.body.items.map((s: { title: string }) => s.title)).toContain(before.body.title);

    const title = '顧客から大幅な値引きを求められる（改訂）';
    await request(a.url)
      .patch(`/api/v1/scenarios/${before.body.id}`)
      .set('Authorization', bearer(admin))
      .send({ title })
      .expect(200);

    const detail = await get(b, '/scenarios/discount-request').expect(200);
    expect(detail.body.title).toBe(title);
    const byId = await get(b, `/scenarios/${before.body.id}`).expect(200);
    expect(byId.body.title).toBe(title);
    const relisted = await get(b, '/scenarios').query({ q: '値引き' }).expect(200);
    expect(relisted.body.items.map((s: { title: string }) => s.title)).toContain(title);
  });

  it('stops serving a scenario on instance B right after it is deleted on instance A', async () => {
    const before = await get(b, '/scenarios/waiting-with-client').expect(200);
    const totalBefore = (await get(b, '/scenarios').expect(200)).body.total as number;

    await request(a.url)
      .delete(`/api/v1/scenarios/${before.body.id}`)
      .set('Authorization', bearer(admin))
      .expect(204);

    await get(b, '/scenarios/waiting-with-client').expect(404);
    expect((await get(b, '/scenarios').expect(200)).body.total).toBe(totalBefore - 1);
  });

  it('shows a scenario created on instance A in lists on instance B at once', async () => {
    const totalBefore = (await get(b, '/scenarios', admin).expect(200)).body.total as number;
    await request(a.url)
      .post('/api/v1/scenarios')
      .set('Authorization', bearer(admin))
      .send({
        slug: 'created-on-a',
        title: 'A で作ったシナリオ',
        description: '別のインスタンスにすぐ見えることを確かめる。',
        difficulty: 'beginner',
        category: 'meetings',
        locale: 'ja',
        character: { personality: 'p', speakingStyle: 's', situation: 's', initialApproach: 'こんにちは' },
        learningPoints: ['l'],
        feedbackPoints: ['f'],
      })
      .expect(201);
    const after = await get(b, '/scenarios', admin).expect(200);
    expect(after.body.total).toBe(totalBefore + 1);
    await get(b, '/scenarios/created-on-a', admin).expect(200);
  });
});
