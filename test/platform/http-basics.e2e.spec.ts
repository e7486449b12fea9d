import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';

describe('HTTP basics (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let running: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase('http');
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: testRedisPrefix(),
    });
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('answers liveness and readiness with every dependency up', async () => {
    await request(running.url).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(running.url).get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('echoes a given request id and makes one otherwise', async () => {
    const echoed = await request(running.url).get('/health/live').set('X-Request-Id', 'client-id-123');
    expect(echoed.headers['x-request-id']).toBe('client-id-123');
    const made = await request(running.url).get('/health/live');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the error body', async () => {
    const res = await request(running.url).get('/api/v1/no-such-route').set('X-Request-Id', 'abc');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      requestId: 'abc',
    });
  });

  it('serves Prometheus metrics labelled by route template', async () => {
    await request(running.url).get('/health/live');
    const res = await request(running.url).get('/metrics').expect(200);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).not.toContain('route="/api/v1/no-such-route"');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await request(running.url).get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/health/ready']).toBeDefined();
    await request(running.url).get('/api/docs').expect(200);
  });

  it('sets security headers', async () => {
    const res = await request(running.url).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });
});
