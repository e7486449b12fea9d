import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { connectSocket, emitAck, recordEvents } from '../helpers/socket';
import { waitFor } from '../helpers/wait';
import { ThrowawayRedis } from '../platform/support/processes';
import { api, as, type User, type Msg } from './support';

describe('chat across two instances', () => {
  let db: TestDatabase;
  const sockets: Socket[] = [];
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  beforeAll(async () => {
    db = await createTestDatabase('chat_scaling');
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function exchange(sender: Socket, receiver: Socket, conversationId: string, content: string) {
    const seen = recordEvents(receiver);
    const ack = await emitAck<{ ok: boolean; messageId: string }>(sender, 'chat.message.send', {
      conversationId,
      content,
    });
    expect(ack.ok).toBe(true);
    await waitFor(() => seen.some((e) => e.event === 'chat.typing.stop'), { timeoutMs: 15000 });
    return { ack, seen };
  }

  describe('sharing one Redis', () => {
    let a: RunningApp;
    let b: RunningApp;
    let user: User;
    beforeAll(async () => {
      const env = {
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: testRedisPrefix(),
        OFFLINE_LLM_DELAY_MS: '5',
      };
      [a, b] = await Promise.all([startApp(env), startApp(env)]);
      user = await registerUser(a);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    it('delivers every delta and both messages, in order, to a client of the same user on the other instance', async () => {
      const conversationId = (
        await request(a.url).post(api('/chat/start')).set(as(user)).send({ locale: 'ja' }).expect(201)
      ).body.conversationId as string;
      const onA = await connectSocket(a.url, '/chat', user.accessToken);
      const onB = await connectSocket(b.url, '/chat', user.accessToken);
      sockets.push(onA, onB);
      await emitAck(onA, 'chat.join', { conversationId });
      await emitAck(onB, 'chat.join', { conversationId });
      const seenOnA = recordEvents(onA);
      const { ack, seen } = await exchange(
        onA,
        onB,
        conversationId,
        '今日の会議、資料の準備は間に合いそうですか？',
      );
      await waitFor(() => seenOnA.some((e) => e.event === 'chat.typing.stop'));
      // Both sockets see exactly the same sequence of events.
      expect(seen.map((e) => e.event)).toEqual(seenOnA.map((e) => e.event));
      const news = seen.filter((e) => e.event === 'chat.message.new').map((e) => e.data as Msg);
      expect(news.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(news[0].id).toBe(ack.messageId);
      const deltas = seen
        .filter((e) => e.event === 'chat.message.delta')
        .map((e) => e.data as { text: string; offset: number });
      let offset = 0;
      for (const d of deltas) {
        expect(d.offset).toBe(offset);
        offset += d.text.length;
      }
      expect(
        deltas
          .map((d) => d.text)
          .join('')
          .trim(),
      ).toBe(news[1].content);
    });

    it('disconnects a socket on B when its login logs out on A', async () => {
      const leaving = await registerUser(a);
      const onB = await connectSocket(b.url, '/chat', leaving.accessToken);
      sockets.push(onB);
      await request(a.url)
        .post(api('/auth/logout'))
        .set(as(leaving))
        .send({ refreshToken: leaving.refreshToken })
        .expect(204);
      await waitFor(() => onB.disconnected);
    });

    it('never serves a stale history page from the other instance’s cache', async () => {
      const conversationId = (
        await request(a.url).post(api('/chat/start')).set(as(user)).send({ locale: 'en' }).expect(201)
      ).body.conversationId as string;
      const history = (app: RunningApp) =>
        request(app.url).get(api('/chat/history')).query({ conversationId }).set(as(user)).expect(200);
      expect((await history(b)).body.items).toHaveLength(1);
      expect((await history(b)).body.items).toHaveLength(1); // now cached on B
      await request(a.url)
        .post(api('/chat/message'))
        .set(as(user))
        .send({ conversationId, content: 'A new message on A.' })
        .expect(201);
      const after = await history(b);
      expect(after.body.items).toHaveLength(3);
      expect(after.body.conversation.messageCount).toBe(3);
    });
  });

  describe('when their Redis goes away', () => {
    let redis: ThrowawayRedis;
    let a: RunningApp;
    let b: RunningApp;
    let user: User;
    beforeAll(async () => {
      redis = await ThrowawayRedis.start();
      const env = {
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: testRedisPrefix(),
        OFFLINE_LLM_DELAY_MS: '5',
      };
      [a, b] = await Promise.all([startApp(env), startApp(env)]);
      user = await registerUser(a);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await redis?.kill();
    });

    it('keeps serving each instance’s own clients, and recovers cross-instance delivery when Redis returns', async () => {
      const conversationId = (
        await request(a.url).post(api('/chat/start')).set(as(user)).send({ locale: 'en' }).expect(201)
      ).body.conversationId as string;
      const a1 = await connectSocket(a.url, '/chat', user.accessToken);
      const a2 = await connectSocket(a.url, '/chat', user.accessToken);
      const onB = await connectSocket(b.url, '/chat', user.accessToken);
      sockets.push(a1, a2, onB);
      for (const s of [a1, a2, onB]) await emitAck(s, 'chat.join', { conversationId });

      await redis.kill();
      const seenOnB = recordEvents(onB);
      const local = await exchange(a1, a2, conversationId, 'Is the report on track for Friday?');
      expect(local.seen.filter((e) => e.event === 'chat.message.new')).toHaveLength(2);

      await redis.restart();
      await waitFor(
        async () =>
          (await request(a.url).get('/health/ready')).status === 200 &&
          (await request(b.url).get('/health/ready')).status === 200,
        {
          timeoutMs: 20000,
        },
      );
      // The adapter resubscribes after reconnecting; retry until a message crosses again.
      await waitFor(
        async () => {
          const { seen } = await exchange(a1, onB, conversationId, `Checking in again at ${Date.now()}`);
          return seen.filter((e) => e.event === 'chat.message.new').length === 2;
        },
        { timeoutMs: 30000, intervalMs: 500 },
      );
      expect(seenOnB.length).toBeGreaterThan(0);
    });
  });
});
