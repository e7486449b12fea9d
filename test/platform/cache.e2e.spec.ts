import Redis from 'ioredis';
import request from 'supertest';
import { CacheService } from '../../src/platform/cache/cache.service';
import { startApp, type RunningApp } from '../helpers/app';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { RedisConnections } from '../../src/platform/redis/redis-connections';
import { waitFor } from '../helpers/wait';
import { ThrowawayRedis } from './support/processes';

describe('cache shared by two instances through Redis', () => {
  const prefix = testRedisPrefix();
  let db: TestDatabase;
  let redis: Redis;
  let a: RunningApp;
  let b: RunningApp;
  let cacheA: CacheService;
  let cacheB: CacheService;

  beforeAll(async () => {
    db = await createTestDatabase('cache');
    redis = new Redis(TEST_REDIS_URL);
    const env = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
    cacheA = a.app.get(CacheService);
    cacheB = b.app.get(CacheService);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
  });

  it('reads on one instance what the other wrote', async () => {
    await cacheA.set('items', 'shared', { n: 1 });
    await expect(cacheB.get('items', 'shared')).resolves.toEqual({ n: 1 });
  });

  it('keeps a local copy once read, and drops it when the other instance deletes the key', async () => {
    await cacheA.set('items', 'k1', 'first');
    await expect(cacheB.get('items', 'k1')).resolves.toBe('first');
    // Removed behind the service's back, so only B's local copy can still answer.
    await redis.del(`${prefix}cache:items:k1`);
    await expect(cacheB.get('items', 'k1')).resolves.toBe('first');

    await cacheA.delete('items', 'k1');
    await waitFor(async () => (await cacheB.get('items', 'k1')) === undefined);

    await cacheA.set('items', 'k1', 'second');
    await expect(cacheB.get('items', 'k1')).resolves.toBe('second');
  });

  it('drops a local copy when the other instance overwrites the key', async () => {
    await cacheA.set('items', 'k2', 'old');
    await expect(cacheB.get('items', 'k2')).resolves.toBe('old');

    await cacheA.set('items', 'k2', 'new');
    await waitFor(async () => (await cacheB.get('items', 'k2')) === 'new');
  });

  it('drops every local copy under a prefix deleted on the other instance, and nothing else', async () => {
    await cacheA.set('catalogue', 'list:ja:1', ['a']);
    await cacheA.set('catalogue', 'list:en:1', ['b']);
    await cacheA.set('catalogue', 'detail:1', { id: 1 });
    for (const key of ['list:ja:1', 'list:en:1', 'detail:1'])
      await expect(cacheB.get('catalogue', key)).resolves.toBeDefined();

    await cacheA.deleteByPrefix('catalogue', 'list:');

    await waitFor(async () => (await cacheB.get('catalogue', 'list:ja:1')) === undefined);
    await expect(cacheB.get('catalogue', 'list:en:1')).resolves.toBeUndefined();
    await expect(cacheB.get('catalogue', 'detail:1')).resolves.toEqual({ id: 1 });
    await expect(redis.keys(`${prefix}cache:catalogue:list:*`)).resolves.toEqual([]);

    await cacheA.set('catalogue', 'list:ja:1', ['c']);
    await expect(cacheB.get('catalogue', 'list:ja:1')).resolves.toEqual(['c']);
  });

  it('counts lookups and hits per cache in /metrics', async () => {
    await cacheB.get('counted', 'missing');
    const res = await request(b.url).get('/metrics').expect(200);
    expect(res.text).toMatch(/cache_requests_total\{cache="counted"\} [1-9]/);
    expect(res.text).toMatch(/cache_hits_total\{cache="items"\} [1-9]/);
  });
});

describe('cache invalidations made while Redis is down', () => {
  let db: TestDatabase;
  let redis: ThrowawayRedis;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase('cache_outage');
    redis = await ThrowawayRedis.start();
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_KEY_PREFIX: testRedisPrefix() };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.kill();
    await db?.drop();
  });

  it('are replayed when Redis returns with its data, so no instance reads the stale shared copy', async () => {
    const cacheA = a.app.get(CacheService);
    const cacheB = b.app.get(CacheService);
    await cacheA.set('items', 'outage', 'before');
    await expect(cacheB.get('items', 'outage')).resolves.toBe('before');

    await redis.shutdownSaving();
    await waitFor(() => !a.app.get(RedisConnections).ready);
    await cacheA.delete('items', 'outage');
    await redis.restart(); // the shared copy comes back from disk

    await waitFor(async () => (await cacheB.get('items', 'outage')) === undefined, { timeoutMs: 15000 });
    await expect(cacheA.get('items', 'outage')).resolves.toBeUndefined();
  });
});

describe('cache in single-instance mode (no REDIS_URL)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let cache: CacheService;

  beforeAll(async () => {
    db = await createTestDatabase('cachelocal');
    running = await startApp({ DATABASE_URL: db.url });
    cache = running.app.get(CacheService);
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('reports ready without Redis', async () => {
    const res = await request(running.url).get('/health/ready').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up' } });
  });

  it('stores, reads and deletes values in the process', async () => {
    await expect(cache.get('local', 'x')).resolves.toBeUndefined();
    await cache.set('local', 'x', { deep: { value: [1, 2] } });
    await expect(cache.get('local', 'x')).resolves.toEqual({ deep: { value: [1, 2] } });
    await cache.delete('local', 'x');
    await expect(cache.get('local', 'x')).resolves.toBeUndefined();
  });

  it('computes a value once and then serves it from the cache', async () => {
    let computed = 0;
    const compute = async () => ++computed;
    await expect(cache.wrap('local', 'counter', compute)).resolves.toBe(1);
    await expect(cache.wrap('local', 'counter', compute)).resolves.toBe(1);
    expect(computed).toBe(1);
  });

  it('forgets a value once its time to live has passed', async () => {
    await cache.set('local', 'short', 'soon gone', 1);
    await cache.set('local', 'long', 'still here', 600);
    await waitFor(async () => (await cache.get('local', 'short')) === undefined, { timeoutMs: 5000 });
    await expect(cache.get('local', 'long')).resolves.toBe('still here');
  });

  it('deletes by prefix', async () => {
    await cache.set('local', 'p:1', 1);
    await cache.set('local', 'p:2', 2);
    await cache.set('local', 'q:1', 3);
    await cache.deleteByPrefix('local', 'p:');
    await expect(cache.get('local', 'p:1')).resolves.toBeUndefined();
    await expect(cache.get('local', 'p:2')).resolves.toBeUndefined();
    await expect(cache.get('local', 'q:1')).resolves.toBe(3);
  });
});

describe('cache of two processes sharing PostgreSQL but no Redis', () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase('cache_pg_notify');
    [a, b] = await Promise.all([startApp({ DATABASE_URL: db.url }), startApp({ DATABASE_URL: db.url })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  it('drops the local copies of one when the other deletes, as an operator command on the same database does', async () => {
    const cacheA = a.app.get(CacheService);
    const cacheB = b.app.get(CacheService);
    await cacheA.set('catalogue', 'list:1', ['old']);
    await cacheA.set('catalogue', 'detail:1', { id: 1 });
    await cacheA.set('other', 'x', 'kept');

    await cacheB.deleteByPrefix('catalogue', 'list:');
    await waitFor(async () => (await cacheA.get('catalogue', 'list:1')) === undefined);
    await expect(cacheA.get('catalogue', 'detail:1')).resolves.toEqual({ id: 1 });

    await cacheB.delete('catalogue', 'detail:1');
    await waitFor(async () => (await cacheA.get('catalogue', 'detail:1')) === undefined);
    await expect(cacheA.get('other', 'x')).resolves.toBe('kept');
  });

  it('drops every local copy when a delete names more keys than one notice holds', async () => {
    const cacheA = a.app.get(CacheService);
    await cacheA.set('other', 'y', 'gone too');
    const keys = Array.from({ length: 400 }, (_, i) => `a-rather-long-key-name-${i}`);
    await b.app.get(CacheService).delete('bulk', ...keys);
    await waitFor(async () => (await cacheA.get('other', 'y')) === undefined);
  });
});
