import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, signInAnonymously, type TestUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import type { SseEvent } from '../helpers/sse';
import { connectSocket, emitAck, recordEvents } from '../helpers/socket';
import { waitFor } from '../helpers/wait';
import { api, as, ofType, startWatch, streamWatch, type WatchMessage } from './support';

/** The events after the first event that matches. */
const after = (events: SseEvent[], first: (e: SseEvent) => boolean): SseEvent[] =>
  events.slice(events.findIndex(first) + 1);

describe('watch mode: joining, speaking, stopping and idling', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let hanako: TestUser;
  let kim: TestUser;
  const sockets: Socket[] = [];

  const watchSocket = async (user: TestUser) => {
    const socket = await connectSocket(running.url, '/watch', user.accessToken);
    sockets.push(socket);
    return socket;
  };
  const activeWatchSessions = async (): Promise<number> => {
    const text = (await request(running.url).get('/metrics').expect(200)).text;
    return Number(/^active_sessions\{type="watch"\} (\d+)/m.exec(text)?.[1] ?? 'NaN');
  };

  beforeAll(async () => {
    db = await createTestDatabase('watch_join');
    running = await startApp({
      DATABASE_URL: db.url,
      WATCH_TURN_DELAY_MS: '150',
      WATCH_IDLE_TIMEOUT_SECONDS: '2',
    });
    [hanako, kim] = await Promise.all([
      registerUser(running, { displayName: '花子' }),
      registerUser(running, { displayName: 'Kim' }),
    ]);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('makes the learner the third voice: the next AI turn answers them by name (SSE)', async () => {
    const { sessionId } = await startWatch(running, hanako, { maxTurns: 12 });
    await request(running.url)
      .post(api(`/watch/message/${sessionId}`))
      .set(as(hanako))
      .send({ content: 'こんにちは' })
      .expect(409)
      .expect((res) => expect(res.body.code).toBe('NOT_JOINED'));

    let sent: WatchMessage | undefined;
    const speak = async () => {
      const joined = await request(running.url)
        .post(api(`/watch/join/${sessionId}`))
        .set(as(hanako))
        .expect(200);
      expect(joined.body).toEqual({ sessionId, joined: true, learnerName: '花子' });
      const clientMessageId = randomUUID();
      const res = await request(running.url)
        .post(api(`/watch/message/${sessionId}`))
        .set(as(hanako))
        .send({ content: '  私は、議題を前日までに共有するのがいいと思います。 ', clientMessageId })
        .expect(201);
      sent = res.body as WatchMessage;
      expect(sent).toMatchObject({
        role: 'user',
        speaker: '花子',
        turn: null,
        clientMessageId,
        content: '私は、議題を前日までに共有するのがいいと思います。',
      });
      const replay = await request(running.url)
        .post(api(`/watch/message/${sessionId}`))
        .set(as(hanako))
        .send({ content: '私は、議題を前日までに共有するのがいいと思います。', clientMessageId })
        .expect(200);
      expect(replay.body.id).toBe(sent.id);
    };
    let speaking: Promise<void> | undefined;
    const { events } = await streamWatch(running.url, hanako, sessionId, (e, all) => {
      if (e.event === 'message' && !speaking) speaking = speak();
      // Two AI turns after the learner's line are enough to see who answered.
      return (
        ofType<WatchMessage>(
          after(all, (x) => x.event === 'user'),
          'message',
        ).length >= 2
      );
    });
    await speaking;

    expect(events.filter((e) => e.event === 'join')).toHaveLength(1);
    const users = ofType<WatchMessage>(events, 'user');
    expect(users.map((m) => m.id)).toEqual([sent?.id]);
    const [answer] = ofType<WatchMessage>(
      after(events, (e) => e.event === 'user'),
      'message',
    );
    expect(answer.content).toContain('花子さん');
    // The line before the learner's came from one colleague; the answer from the other.
    const before = ofType<WatchMessage>(
      events.slice(
        0,
        events.findIndex((e) => e.event === 'user'),
      ),
      'message',
    ).at(-1);
    expect(answer.speaker).not.toBe(before?.speaker);

    const history = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId: sessionId })
      .set(as(hanako))
      .expect(200);
    const items = history.body.items as WatchMessage[];
    expect(items.filter((m) => m.role === 'user')).toHaveLength(1);
    const at = items.findIndex((m) => m.id === sent?.id);
    expect(items[at + 1].id).toBe(answer.id);
    await request(running.url)
      .post(api(`/watch/stop/${sessionId}`))
      .set(as(hanako))
      .expect(200);
  });

  it('takes the learner’s lines over the socket too, and tells the room who joined and left', async () => {
    const { sessionId } = await startWatch(running, kim, { locale: 'en', maxTurns: 20 });
    const socket = await watchSocket(kim);
    const events = recordEvents(socket);
    await expect(emitAck(socket, 'watch.join', { sessionId })).resolves.toMatchObject({ ok: true });
    await waitFor(() => events.some((e) => e.event === 'watch.ai.message'));

    const joined = await request(running.url)
      .post(api(`/watch/join/${sessionId}`))
      .set(as(kim))
      .expect(200);
    expect(joined.body).toMatchObject({ joined: true, learnerName: 'Kim' });
    await expect(
      emitAck(socket, 'watch.message.send', { sessionId, content: '<b>hi</b>' }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    const ack = await emitAck<{ ok: boolean; messageId: string }>(socket, 'watch.message.send', {
      sessionId,
      content: 'Could we keep the kickoff to thirty minutes?',
    });
    expect(ack).toMatchObject({ ok: true, messageId: expect.any(String) });
    await waitFor(
      () =>
        events.findIndex((e) => e.event === 'watch.user.message') >= 0 &&
        events
          .slice(events.findIndex((e) => e.event === 'watch.user.message'))
          .some((e) => e.event === 'watch.ai.message'),
    );

    const at = events.findIndex((e) => e.event === 'watch.user.message');
    expect(events[at].data).toMatchObject({ id: ack.messageId, role: 'user', speaker: 'Kim', turn: null });
    const answer = events.slice(at).find((e) => e.event === 'watch.ai.message')?.data as WatchMessage;
    expect(answer.content).toContain('Kim');
    expect(events.filter((e) => e.event === 'watch.user.join').map((e) => e.data)).toEqual([
      { sessionId, userId: kim.id },
    ]);

    await request(running.url)
      .post(api(`/watch/leave/${sessionId}`))
      .set(as(kim))
      .expect(200, { sessionId, joined: false, learnerName: 'Kim' });
    await waitFor(() => events.some((e) => e.event === 'watch.user.leave'));
    await expect(
      emitAck(socket, 'watch.message.send', { sessionId, content: 'One more thing' }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'NOT_JOINED',
    });
    await request(running.url)
      .post(api(`/watch/stop/${sessionId}`))
      .set(as(kim))
      .expect(200);
  });

  it('calls an anonymous learner あなた', async () => {
    const anonymous = await signInAnonymously(running);
    const user = { ...anonymous, email: '', username: '', password: '' };
    const { sessionId } = await startWatch(running, user, { maxTurns: 3 });
    const res = await request(running.url)
      .post(api(`/watch/join/${sessionId}`))
      .set(as(user))
      .expect(200);
    expect(res.body.learnerName).toBe('あなた');
    await request(running.url)
      .post(api(`/watch/stop/${sessionId}`))
      .set(as(user))
      .expect(200);
  });

  it('stops a session for every watcher, and nothing more is said', async () => {
    const { sessionId } = await startWatch(running, kim, { locale: 'en', maxTurns: 40 });
    const socket = await watchSocket(kim);
    const socketEvents = recordEvents(socket);
    await emitAck(socket, 'watch.join', { sessionId });
    await waitFor(async () => (await activeWatchSessions()) >= 1);

    let stopping: Promise<request.Response> | undefined;
    const { events } = await streamWatch(running.url, kim, sessionId, (e) => {
      // supertest sends on then(): the stop goes out while the stream is open.
      if (e.event === 'message' && !stopping)
        stopping = request(running.url)
          .post(api(`/watch/stop/${sessionId}`))
          .set(as(kim))
          .then((r) => r);
      return false;
    });
    expect(events.at(-1)).toEqual({ event: 'end', data: { reason: 'stopped' } });
    expect((await stopping)?.body).toEqual({ status: 'stopped' });
    await waitFor(() => socketEvents.some((e) => e.event === 'watch.ended'));
    expect(socketEvents.filter((e) => e.event === 'watch.ended').map((e) => e.data)).toEqual([
      { sessionId, reason: 'stopped' },
    ]);

    const count = async () =>
      (
        await request(running.url)
          .get(api('/chat/history'))
          .query({ conversationId: sessionId })
          .set(as(kim))
          .expect(200)
      ).body.items.length as number;
    const atStop = await count();
    expect(atStop).toBeLessThan(40);
    await waitFor(async () => (await activeWatchSessions()) === 0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await count()).toBe(atStop);

    await request(running.url)
      .post(api(`/watch/stop/${sessionId}`))
      .set(as(kim))
      .expect(200, { status: 'stopped' });
    const join = await request(running.url)
      .post(api(`/watch/join/${sessionId}`))
      .set(as(kim))
      .expect(409);
    expect(join.body.code).toBe('CONVERSATION_ENDED');
  });

  it('ends a session no one watches once the idle timeout passes', async () => {
    const { sessionId } = await startWatch(running, hanako, { maxTurns: 40 });
    await waitFor(
      async () =>
        (
          await request(running.url)
            .get(api('/chat/history'))
            .query({ conversationId: sessionId })
            .set(as(hanako))
        ).body.conversation.endedAt,
      { timeoutMs: 15000 },
    );
    const { events } = await streamWatch(running.url, hanako, sessionId);
    const turns = ofType<WatchMessage>(events, 'message');
    expect(turns.length).toBeGreaterThan(0);
    expect(turns.length).toBeLessThan(40);
    expect(events.at(-1)).toEqual({ event: 'end', data: { reason: 'idle' } });
  });
});
