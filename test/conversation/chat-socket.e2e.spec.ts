import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { ExpiringStore } from '../../src/platform/expiring-store/expiring-store';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { connectSocket, emitAck, recordEvents } from '../helpers/socket';
import { waitFor } from '../helpers/wait';
import { api, as, type User, type Msg } from './support';

describe('/chat namespace (real Socket.IO client, Redis adapter)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let alice: User;
  let bob: User;
  const sockets: Socket[] = [];
  const connect = async (token?: string) => {
    const s = await connectSocket(running.url, '/chat', token);
    sockets.push(s);
    return s;
  };
  const startChat = async (u: User) =>
    (await request(running.url).post(api('/chat/start')).set(as(u)).send({ locale: 'en' }).expect(201)).body
      .conversationId as string;

  beforeAll(async () => {
    db = await createTestDatabase('chat_socket');
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: testRedisPrefix(),
      OFFLINE_LLM_DELAY_MS: '40',
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_MESSAGE_PER_MINUTE: '6',
      SOCKET_MAX_CONNECTIONS_PER_USER: '3',
    });
    alice = await registerUser(running);
    bob = await registerUser(running);
  });
  afterEach(() => {
    sockets.splice(0).forEach((s) => s.close());
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('refuses a handshake without a valid token with `unauthorized`', async () => {
    await expect(connectSocket(running.url, '/chat')).rejects.toThrow('unauthorized');
    await expect(connectSocket(running.url, '/chat', 'not-a-token')).rejects.toThrow('unauthorized');
    await expect(connectSocket(running.url, '/chat', `${alice.accessToken}x`)).rejects.toThrow(
      'unauthorized',
    );
  });

  it('disconnects a socket when its access token expires', async () => {
    const jwt = running.app.get(JwtService);
    const { sub, sid } = jwt.decode<{ sub: string; sid: string }>(alice.accessToken);
    const { issuer, audience } = running.config.auth;
    const shortLived = await jwt.signAsync(
      { sid, typ: 'access' },
      { algorithm: 'HS256', subject: sub, jwtid: randomUUID(), issuer, audience, expiresIn: 2 },
    );
    const socket = await connect(shortLived);
    const events = recordEvents(socket);
    await waitFor(() => socket.disconnected, { timeoutMs: 15000 });
    expect(events.map((e) => e.event)).toContain('auth.expired');
    await expect(connectSocket(running.url, '/chat', shortLived)).rejects.toThrow('unauthorized');
  });

  it('disconnects at once the sockets of a login that logs out or is deleted, and no other login’s', async () => {
    const erin = await registerUser(running);
    const otherLogin = await request(running.url)
      .post(api('/auth/login'))
      .send({ email: erin.email, password: erin.password })
      .expect(200);
    const loggedOut = [
      await connect(erin.accessToken),
      await connectSocket(running.url, '/watch', erin.accessToken),
    ];
    sockets.push(loggedOut[1]);
    const staying = await connect(otherLogin.body.accessToken as string);
    const conversationId = await startChat(erin);
    await request(running.url)
      .post(api('/auth/logout'))
      .set(as(erin))
      .send({ refreshToken: erin.refreshToken })
      .expect(204);
    await waitFor(() => loggedOut.every((s) => s.disconnected));
    await expect(emitAck(staying, 'chat.join', { conversationId })).resolves.toMatchObject({ ok: true });

    await request(running.url)
      .delete(api('/users/me'))
      .set({ Authorization: `Bearer ${otherLogin.body.accessToken}` })
      .expect(204);
    await waitFor(() => staying.disconnected);
  });

  it('refuses the events of a socket whose token was revoked without reaching the socket', async () => {
    const erin = await registerUser(running);
    const conversationId = await startChat(erin);
    const socket = await connect(erin.accessToken);
    await expect(emitAck(socket, 'chat.join', { conversationId })).resolves.toMatchObject({ ok: true });
    // As a process holding no sockets would revoke it: the list only, no disconnect.
    const { jti } = running.app.get(JwtService).decode<{ jti: string }>(erin.accessToken);
    await running.app.get(ExpiringStore).mark(`revoked:token:${jti}`, 60_000);
    await expect(emitAck(socket, 'chat.join', { conversationId })).resolves.toMatchObject({
      ok: false,
      code: 'UNAUTHORIZED',
    });
  });

  it('acknowledges an event it does not know with NOT_FOUND, on either namespace', async () => {
    const chat = await connect(alice.accessToken);
    await expect(emitAck(chat, 'chat.nope', {})).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const watch = await connectSocket(running.url, '/watch', alice.accessToken);
    sockets.push(watch);
    await expect(emitAck(watch, 'chat.join', {})).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Known events still answer as before.
    await expect(emitAck(chat, 'chat.join', {})).resolves.toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });

  it('caps the connections one user may hold, and frees a place when one closes', async () => {
    const dana = await registerUser(running);
    const open = [
      await connect(dana.accessToken),
      await connect(dana.accessToken),
      await connect(dana.accessToken),
    ];
    await expect(connectSocket(running.url, '/chat', dana.accessToken)).rejects.toThrow(
      'too_many_connections',
    );
    open[0].close();
    await waitFor(async () => {
      const s = await connectSocket(running.url, '/chat', dana.accessToken).catch(() => undefined);
      if (s) sockets.push(s);
      return s;
    });
  });

  it('refuses to join another user’s conversation with NOT_FOUND', async () => {
    const conversationId = await startChat(alice);
    const socket = await connect(bob.accessToken);
    await expect(emitAck(socket, 'chat.join', { conversationId })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    await expect(emitAck(socket, 'chat.join', { conversationId: 'nope' })).resolves.toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });

  it('streams a full exchange to the room in order', async () => {
    const conversationId = await startChat(alice);
    const socket = await connect(alice.accessToken);
    await expect(emitAck(socket, 'chat.join', { conversationId })).resolves.toMatchObject({ ok: true });
    const events = recordEvents(socket);
    const ack = await emitAck<{ ok: boolean; messageId: string }>(socket, 'chat.message.send', {
      conversationId,
      content: 'Hi there, how is your day going?',
    });
    expect(ack).toMatchObject({ ok: true, messageId: expect.any(String) });
    await waitFor(() => events.some((e) => e.event === 'chat.typing.stop'));
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('chat.message.new');
    expect(names[1]).toBe('chat.typing.start');
    expect(names.slice(-2)).toEqual(['chat.message.new', 'chat.typing.stop']);
    const user = events[0].data as Msg;
    const reply = events[names.length - 2].data as Msg;
    expect(user).toMatchObject({ id: ack.messageId, role: 'user' });
    expect(reply.role).toBe('assistant');
    const deltas = events
      .filter((e) => e.event === 'chat.message.delta')
      .map((e) => e.data as { replyTo: string; text: string });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.every((d) => d.replyTo === ack.messageId)).toBe(true);
    expect(
      deltas
        .map((d) => d.text)
        .join('')
        .trim(),
    ).toBe(reply.content);
  });

  it('relays typing to the other sockets in the room', async () => {
    const conversationId = await startChat(alice);
    const a = await connect(alice.accessToken);
    const b = await connect(alice.accessToken);
    await emitAck(a, 'chat.join', { conversationId });
    await emitAck(b, 'chat.join', { conversationId });
    const seenByB = recordEvents(b);
    const seenByA = recordEvents(a);
    await expect(emitAck(a, 'chat.typing.start', { conversationId })).resolves.toMatchObject({ ok: true });
    await waitFor(() => seenByB.some((e) => e.event === 'chat.typing.start'));
    expect(seenByB.find((e) => e.event === 'chat.typing.start')!.data).toMatchObject({ conversationId });
    expect(seenByA.some((e) => e.event === 'chat.typing.start')).toBe(false);

    // A socket outside the room (another user's conversation) cannot signal typing to it.
    const stranger = await connect(bob.accessToken);
    await expect(emitAck(stranger, 'chat.typing.start', { conversationId })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('lets a client that drops mid-reply resume without losing or duplicating text', async () => {
    const conversationId = await startChat(alice);
    const first = await connect(alice.accessToken);
    await emitAck(first, 'chat.join', { conversationId });
    const firstEvents = recordEvents(first);
    await emitAck(first, 'chat.message.send', {
      conversationId,
      content: 'Could you walk me through the plan for the launch?',
    });
    await waitFor(() => firstEvents.filter((e) => e.event === 'chat.message.delta').length >= 2);
    first.close();

    const second = await connect(alice.accessToken);
    const secondEvents = recordEvents(second);
    const ack = await emitAck<{ ok: boolean; inProgress: { replyTo: string; text: string } | null }>(
      second,
      'chat.resume',
      { conversationId },
    );
    expect(ack.ok).toBe(true);
    expect(ack.inProgress).not.toBeNull();
    let text = ack.inProgress!.text;
    await waitFor(() => secondEvents.some((e) => e.event === 'chat.typing.stop'));
    for (const e of secondEvents.filter((x) => x.event === 'chat.message.delta')) {
      const d = e.data as { text: string; offset: number };
      if (d.offset + d.text.length <= text.length) continue; // already in the snapshot
      expect(d.offset).toBe(text.length);
      text += d.text;
    }
    const reply = secondEvents.find(
      (e) => e.event === 'chat.message.new' && (e.data as Msg).role === 'assistant',
    )!.data as Msg;
    expect(text.trim()).toBe(reply.content);
    const history = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId })
      .set(as(alice))
      .expect(200);
    expect(history.body.items.filter((m: Msg) => m.role === 'assistant')).toHaveLength(2);
  });

  it('delivers a message sent over HTTP to socket clients in the room', async () => {
    const conversationId = await startChat(alice);
    const socket = await connect(alice.accessToken);
    await emitAck(socket, 'chat.join', { conversationId });
    const events = recordEvents(socket);
    const res = await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: 'Sent over plain HTTP.' })
      .expect(201);
    await waitFor(() => events.filter((e) => e.event === 'chat.message.new').length === 2);
    const news = events.filter((e) => e.event === 'chat.message.new').map((e) => (e.data as Msg).id);
    expect(news).toEqual([res.body.userMessage.id, res.body.reply.id]);
  });

  it('rate-limits socket sends with the same per-user message budget as HTTP', async () => {
    const carol = await registerUser(running);
    const conversationId = await startChat(carol);
    const socket = await connect(carol.accessToken);
    const events = recordEvents(socket);
    const replies = () =>
      events.filter((e) => e.event === 'chat.message.new' && (e.data as Msg).role === 'assistant').length;
    const acks: Array<{ ok: boolean; code?: string }> = [];
    for (let i = 0; i < 3; i++) {
      await request(running.url)
        .post(api('/chat/message'))
        .set(as(carol))
        .send({ conversationId, content: `HTTP message ${i}` })
        .expect(201);
    }
    // Waiting on the socket's own events: polling over HTTP would spend from the general request limit.
    for (let i = 0; i < 4; i++) {
      const ack = await emitAck<{ ok: boolean; code?: string }>(socket, 'chat.message.send', {
        conversationId,
        content: `Socket message ${i}`,
      });
      acks.push(ack);
      if (ack.ok) await waitFor(() => replies() === i + 1);
    }
    expect(acks.slice(0, 3).every((a) => a.ok)).toBe(true);
    expect(acks[3]).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });
});
