import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { PageQuery } from '../../src/shared';
import { startApp, type RunningApp } from '../helpers/app';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';

interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; schema?: Record<string, unknown> }>;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: unknown[];
  tags?: string[];
}
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const operationsOf = (doc: OpenApiDocument): Array<[string, Operation]> =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
  );

/** Operation ids (the document's default `Controller_method`) of the routes that take a PageQuery. */
function pagedOperationIds(app: RunningApp['app']): string[] {
  const ids: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, object>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        if (name === 'constructor' || Reflect.getMetadata(PATH_METADATA, prototype[name]) === undefined)
          continue;
        const params = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as unknown[];
        if (params.some((t) => typeof t === 'function' && t.prototype instanceof PageQuery))
          ids.push(`${metatype.name}_${name}`);
      }
    }
  }
  return ids;
}

/** Statuses API.md names for these routes; the document must declare each. */
const DECLARED_STATUSES: Record<string, string[]> = {
  'POST /api/v1/chat/start': ['201', '400', '401', '429', '503'],
  'POST /api/v1/chat/message': ['200', '201', '400', '401', '404', '409', '429', '503'],
  'POST /api/v1/scenarios/message': ['200', '201', '400', '401', '404', '409', '429', '503'],
  'GET /api/v1/chat/history': ['200', '400', '401', '404'],
  'POST /api/v1/chat/feedback': ['201', '401', '404', '409'],
  'POST /api/v1/chat/end': ['200', '401', '404'],
  'DELETE /api/v1/chat/session/{conversationId}': ['204', '401', '404'],
  'POST /api/v1/scenarios/start': ['201', '400', '401', '404', '409', '429'],
  'POST /api/v1/scenarios/feedback': ['201', '401', '404', '409'],
  'POST /api/v1/watch/start': ['201', '400', '401', '429'],
  'GET /api/v1/watch/stream/{sessionId}': ['200', '401', '404'],
  'POST /api/v1/watch/join/{sessionId}': ['200', '401', '404', '409'],
  'POST /api/v1/watch/message/{sessionId}': ['200', '201', '400', '401', '404', '409', '429'],
  'POST /api/v1/watch/stop/{sessionId}': ['200', '401', '404'],
  'POST /api/v1/watch/quiz/{quizId}/answer': ['200', '400', '401', '404', '409'],
  'GET /api/v1/analytics/strengths': ['200', '401', '404', '429'],
  'POST /api/v1/analytics/strengths/analyze': ['202', '401', '429'],
  'GET /api/v1/analytics/jobs/{jobId}': ['200', '401', '404'],
  'GET /api/v1/analytics/progress': ['200', '400', '401'],
  'GET /api/v1/analytics/report': ['200', '400', '401'],
  'GET /api/v1/admin/analytics/overview': ['200', '401', '403'],
  'GET /api/v1/admin/analytics/users/{id}/strengths': ['200', '401', '403', '404'],
  'GET /health/ready': ['200', '503'],
};

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

  describe('the OpenAPI document', () => {
    let doc: OpenApiDocument;
    let operations: Map<string, Operation>;
    beforeAll(async () => {
      doc = (await request(running.url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
      operations = new Map(operationsOf(doc));
    });

    it('declares page and limit, with their bounds, and a page answer on every route that takes a page query', () => {
      const ids = pagedOperationIds(running.app);
      expect(ids).toEqual(
        expect.arrayContaining([
          'UserHistoryController_history',
          'AdminUsersController_list',
          'AdminUsersController_auditEvents',
          'AdminConversationsController_list',
          'ScenarioController_list',
        ]),
      );
      const byId = new Map([...operations.values()].map((op) => [op.operationId, op]));
      for (const id of ids) {
        const op = byId.get(id);
        const query = Object.fromEntries(
          (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]),
        );
        expect({ id, page: query.page }).toEqual({
          id,
          page: expect.objectContaining({ minimum: 1, default: 1 }),
        });
        expect({ id, limit: query.limit }).toEqual({
          id,
          limit: expect.objectContaining({ minimum: 1, maximum: 100, default: 20 }),
        });
        const ref = op?.responses['200']?.content?.['application/json']?.schema?.$ref ?? '';
        const answer = doc.components.schemas[ref.split('/').pop() ?? '']?.properties ?? {};
        expect({ id, answer: Object.keys(answer).sort() }).toEqual({
          id,
          answer: ['items', 'limit', 'page', 'total'],
        });
      }
      const filters = (key: string) => (operations.get(key)?.parameters ?? []).map((p) => p.name).sort();
      expect(filters('GET /api/v1/users/me/history')).toEqual(['limit', 'mode', 'page']);
      expect(filters('GET /api/v1/admin/users')).toEqual(['limit', 'page', 'q', 'role']);
      expect(filters('GET /api/v1/admin/conversations')).toEqual(['limit', 'mode', 'page', 'userId']);
    });

    it('declares the statuses of the contract, every error with the one error body', () => {
      for (const [key, statuses] of Object.entries(DECLARED_STATUSES)) {
        expect({ key, declared: Object.keys(operations.get(key)?.responses ?? {}) }).toEqual({
          key,
          declared: expect.arrayContaining(statuses),
        });
      }
      for (const [key, op] of operations) {
        if (op.security)
          expect({ key, declared: Object.keys(op.responses) }).toEqual({
            key,
            declared: expect.arrayContaining(['401', '429']),
          });
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          expect({ key, status, schema: response.content?.['application/json']?.schema }).toEqual({
            key,
            status,
            schema: { $ref: '#/components/schemas/ErrorBodyDto' },
          });
        }
      }
      expect(Object.keys(doc.components.schemas.ErrorBodyDto.properties ?? {}).sort()).toEqual([
        'code',
        'details',
        'message',
        'requestId',
        'statusCode',
      ]);
    });

    it('documents the JSON and Server-Sent Events answers of a message', () => {
      for (const path of ['/api/v1/chat/message', '/api/v1/scenarios/message']) {
        const { responses } = doc.paths[path].post;
        expect(Object.keys(responses['200'].content ?? {}).sort()).toEqual([
          'application/json',
          'text/event-stream',
        ]);
        expect(responses['201'].content?.['application/json']?.schema).toEqual({
          $ref: '#/components/schemas/ExchangeView',
        });
      }
      expect(
        Object.keys(doc.paths['/api/v1/watch/stream/{sessionId}'].get.responses['200'].content ?? {}),
      ).toEqual(['text/event-stream']);
      expect(
        Object.keys(doc.paths['/api/v1/analytics/report'].get.responses['200'].content ?? {}).sort(),
      ).toEqual(['application/json', 'text/csv', 'text/markdown']);
    });

    it('lists the operations routes', () => {
      for (const path of ['/metrics', '/health/live', '/health/ready']) {
        expect({ path, tags: doc.paths[path]?.get?.tags }).toEqual({ path, tags: ['operations'] });
      }
      expect(Object.keys(doc.paths['/metrics'].get.responses['200'].content ?? {})).toEqual(['text/plain']);
    });
  });

  it('sets security headers', async () => {
    const res = await request(running.url).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });
});
