import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { waitFor } from '../helpers/wait';
import { api, as } from './support';

describe('generation limits and AI failure', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('generation');
  });
  afterAll(async () => {
    await db?.drop();
  });

  describe('with a provider that always fails', () => {
    let provider: Server;
    let running: RunningApp;
    let calls = 0;

    beforeAll(async () => {
      // A local server speaking OpenAI's wire format, answering every request with a server error.
      provider = createServer((req, res) => {
        calls++;
        req.resume();
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'upstream exploded', type: 'server_error' } }));
      });
      await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
      const { port } = provider.address() as AddressInfo;
      running = await startApp({
        DATABASE_URL: db.url,
        LLM_PROVIDERS: 'openai',
        DEFAULT_MODEL: 'openai/gpt-4o-mini',
        OPENAI_API_KEY: 'test-key-not-real',
        OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
        LLM_MAX_RETRIES: '0',
      });
    });
    afterAll(async () => {
      await running?.close();
      await new Promise((r) => provider?.close(r));
    });

    it('answers 503 LLM_UNAVAILABLE, keeps the learner message and stores no assistant text', async () => {
      const user = await registerUser(running);
      const scenarios = await request(running.url)
        .get(api('/scenarios'))
        .query({ limit: 100 })
        .set(as(user))
        .expect(200);
      const scenario = (scenarios.body.items as Array<{ id: string; sensitive: boolean }>).find(
        (s) => !s.sensitive,
      )!;
      const { body } = await request(running.url)
        .post(api('/scenarios/start'))
        .set(as(user))
        .send({ scenarioId: scenario.id })
        .expect(201);
      const res = await request(running.url)
        .post(api('/scenarios/message'))
        .set(as(user))
        .send({ conversationId: body.conversationId, content: 'Hello, could you tell me more?' });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('LLM_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toContain('upstream exploded');
      expect(calls).toBeGreaterThan(0);
      const history = await request(running.url)
        .get(api('/chat/history'))
        .query({ conversationId: body.conversationId })
        .set(as(user))
        .expect(200);
      expect(history.body.items.map((m: { role: string; content: string }) => [m.role, m.content])).toEqual([
        ['assistant', expect.any(String)],
        ['user', 'Hello, could you tell me more?'],
      ]);
      // Sending the same words again after a failure is a retry, not a loop: still the AI's turn, still 503.
      for (let i = 0; i < 2; i++) {
        const again = await request(running.url)
          .post(api('/scenarios/message'))
          .set(as(user))
          .send({ conversationId: body.conversationId, content: 'Hello, could you tell me more?' });
        expect([again.status, again.body.code]).toEqual([503, 'LLM_UNAVAILABLE']);
      }
    });
  });

  describe('with a slow offline model', () => {
    let running: RunningApp;
    beforeAll(async () => {
      running = await startApp({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: testRedisPrefix(),
        OFFLINE_LLM_DELAY_MS: '80',
      });
    });
    afterAll(async () => {
      await running?.close();
    });
    const startChat = async (user: TestUser): Promise<string> =>
      (await request(running.url).post(api('/chat/start')).set(as(user)).send({ locale: 'en' }).expect(201))
        .body.conversationId as string;

    it('lets a user generate at most two replies at once', async () => {
      const user = await registerUser(running);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(await startChat(user));
      }
      const results = await Promise.all(
        ids.map((conversationId, i) =>
          new Promise((r) => setTimeout(r, i * 100)).then(() =>
            request(running.url)
              .post(api('/chat/message'))
              .set(as(user))
              .send({ conversationId, content: 'Tell me about your week, please.' }),
          ),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('TOO_MANY_GENERATIONS');
      // Once a reply is done the slot is free again.
      const refused = ids[results.findIndex((r) => r.status === 409)];
      await request(running.url)
        .post(api('/chat/message'))
        .set(as(user))
        .send({ conversationId: refused, content: 'Trying again now.' })
        .expect(201);
    });

    it('caps a burst of identical sends in one conversation, without taking it for a loop', async () => {
      const user = await registerUser(running);
      const conversationId = await startChat(user);
      const results = await Promise.all(
        [0, 1, 2].map((i) =>
          new Promise((r) => setTimeout(r, i * 100)).then(() =>
            request(running.url)
              .post(api('/chat/message'))
              .set(as(user))
              .send({ conversationId, content: 'Hello!' }),
          ),
        ),
      );
      expect(results.map((r) => [r.status, r.body.code ?? null]).sort()).toEqual([
        [201, null],
        [201, null],
        [409, 'TOO_MANY_GENERATIONS'],
      ]);
      for (const r of results.filter((x) => x.status === 201)) {
        expect(r.body.moderation).toBeUndefined();
        expect(r.body.reply).toMatchObject({ role: 'assistant' });
      }
    });

    it('answers GENERATION_IN_PROGRESS for a retry while the first reply is still generating', async () => {
      const user = await registerUser(running);
      const conversationId = await startChat(user);
      const send = {
        conversationId,
        content: 'What are you working on this week?',
        clientMessageId: '5d0c3c8e-8f43-4c53-9f0e-5a3f0c7f2b11',
      };
      const first = request(running.url).post(api('/chat/message')).set(as(user)).send(send);
      const firstDone = first.then((r) => r);
      // The learner message is stored before generation starts; once it shows, the reply is still generating.
      await waitFor(async () => {
        const h = await request(running.url)
          .get(api('/chat/history'))
          .query({ conversationId })
          .set(as(user));
        return (h.body.items as Array<{ role: string }>).some((m) => m.role === 'user');
      });
      const retry = await request(running.url).post(api('/chat/message')).set(as(user)).send(send);
      expect(retry.status).toBe(409);
      expect(retry.body.code).toBe('GENERATION_IN_PROGRESS');
      expect((await firstDone).status).toBe(201);
      const replay = await request(running.url)
        .post(api('/chat/message'))
        .set(as(user))
        .send(send)
        .expect(200);
      expect(replay.body.reply.id).toBe((await firstDone).body.reply.id);
    });
  });
});
