import { request as httpRequest } from 'node:http';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { Public } from '../../src/platform/http/public.decorator';
import { startApp, type RunningApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

class EchoDto {
  @IsString() @MaxLength(20) text!: string;
}

class SearchQuery {
  @IsOptional() @IsString() q?: string;
}

const SECRET_SQL = 'SELECT password_hash FROM users WHERE email = $1';

/** Routes that exist only in this spec, to reach the error paths of a real request. */
@Controller('error-probe')
class ErrorProbeController {
  @Public()
  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Public()
  @Get('search/:key')
  search(@Param('key') key: string, @Query() query: SearchQuery): { key: string; query: SearchQuery } {
    return { key, query };
  }

  @Public()
  @Post('unstorable')
  unstorable(): never {
    const driverError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
    });
    throw new QueryFailedError('INSERT INTO messages (content) VALUES ($1)', ['x'], driverError);
  }

  @Public()
  @Post('crash')
  crash(): never {
    throw new QueryFailedError(
      SECRET_SQL,
      ['someone@example.com'],
      new Error('relation "users" does not exist'),
    );
  }
}

const BODY_LIMIT = 4096;

describe('error bodies', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let warnings: jest.SpyInstance;

  beforeAll(async () => {
    db = await createTestDatabase('errors');
    warnings = jest.spyOn(process, 'emitWarning');
    running = await startApp({ DATABASE_URL: db.url, BODY_LIMIT_BYTES: String(BODY_LIMIT) }, [
      ErrorProbeController,
    ]);
  });
  afterAll(async () => {
    warnings?.mockRestore();
    await running?.close();
    await db?.drop();
  });

  const post = (path: string) =>
    request(running.url).post(`/api/v1/error-probe/${path}`).set('X-Request-Id', 'req-1');

  it('lets a valid request through', async () => {
    await post('echo').send({ text: 'hello' }).expect(201, { text: 'hello' });
  });

  it('answers a body over the limit with 413', async () => {
    const res = await post('echo').send({ text: 'x'.repeat(BODY_LIMIT * 2) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
      requestId: 'req-1',
    });
  });

  it('answers malformed JSON with 400', async () => {
    const res = await post('echo').set('Content-Type', 'application/json').send('{"text": "unterminated');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request body is not valid JSON.',
      requestId: 'req-1',
    });
  });

  it('refuses a body that is not JSON with 415', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'text=hello'],
      ['text/plain', '{"text":"hello"}'],
    ]) {
      const res = await post('echo').set('Content-Type', type).send(body);
      expect([res.status, res.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(res.body.requestId).toBe('req-1');
    }
    await post('echo')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send('{"text":"hi"}')
      .expect(201);
  });

  it('reports each invalid or unknown field without echoing values', async () => {
    const res = await post('echo').send({ text: 'a'.repeat(21), extra: 'top-secret-value' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: expect.arrayContaining([
        { field: 'text', messages: [expect.any(String)] },
        { field: 'extra', messages: [expect.any(String)] },
      ]),
      requestId: 'req-1',
    });
    expect(res.text).not.toContain('top-secret-value');
  });

  it('refuses NUL characters and hostile nesting before any field rule, naming the field', async () => {
    const nul = await post('echo').send({ text: 'hi\u0000there' });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'text', messages: ['must not contain NUL characters'] }],
    });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) deep = [deep];
    const nested = await post('echo').send({ text: deep });
    expect(nested.status).toBe(400);
    expect(nested.body.code).toBe('VALIDATION_FAILED');
    const inPath = await request(running.url).get('/api/v1/error-probe/search/a%00b');
    expect(inPath.status).toBe(400);
    expect(inPath.body.details).toEqual([{ field: 'key', messages: ['must not contain NUL characters'] }]);
    const inQuery = await request(running.url).get('/api/v1/error-probe/search/k').query({ q: 'a\u0000' });
    expect(inQuery.status).toBe(400);
  });

  it('answers text the database cannot store with 400, not 500', async () => {
    const res = await post('unstorable').send({});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      requestId: 'req-1',
    });
  });

  it('drops unknown query parameters such as cache busters', async () => {
    const res = await request(running.url)
      .get('/api/v1/error-probe/search/k')
      .query({ q: 'x', _: '1700000000' })
      .expect(200);
    expect(res.body).toEqual({ key: 'k', query: { q: 'x' } });
  });

  it('answers a malformed or overlong path with the error body and the request id', async () => {
    const raw = (path: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: unknown }>((resolve, reject) => {
        const req = httpRequest(`${running.url}${path}`, { headers: { 'x-request-id': 'req-2' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
          );
        });
        req.on('error', reject);
        req.end();
      });
    const bad = await raw('/api/v1/error-probe/search/%zz');
    expect(bad).toMatchObject({
      status: 400,
      headers: { 'x-request-id': 'req-2' },
      body: { statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String), requestId: 'req-2' },
    });
    const long = await raw(`/api/v1/error-probe/search/${'x'.repeat(1500)}`);
    expect(long).toMatchObject({
      status: 404,
      headers: { 'x-request-id': 'req-2' },
      body: { statusCode: 404, code: 'NOT_FOUND', requestId: 'req-2' },
    });
    const japanese = encodeURIComponent('上司への報告を丁寧に行う練習'.repeat(5));
    await request(running.url).get(`/api/v1/error-probe/search/${japanese}`).expect(200);
  });

  it('answers an unexpected error with a generic 500 that shows no stack or SQL', async () => {
    const res = await post('crash').send({});
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred.',
      requestId: 'req-1',
    });
    expect(res.text).not.toMatch(/password_hash|SELECT|users|\.ts:\d+|at /);
  });

  it('boots without warnings (one error handler, no overridden ones)', () => {
    expect(warnings.mock.calls.map((args) => String(args[0]))).toEqual([]);
  });
});
