import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { connectSocket, emitAck, recordEvents } from '../helpers/socket';
import { waitFor } from '../helpers/wait';
import { DriverLock } from '../../src/modules/conversation/watch/driver-lock';
import { ofType, startWatch, streamWatch, type WatchMessage, type WatchQuiz } from './support';

describe('watch mode across two instances sharing Redis', () => {
  let db: TestDatabase;
  let a: RunningApp | undefined;
  let b: RunningApp;
  let alice: TestUser;
  let prefix: string;
  const sockets: Socket[] = [];

  const assistantTurns = async (sessionId: string): Promise<number> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM messages WHERE conversation_id = $1 AND role = 'assistant'`,
        [sessionId],
      );
      return Number(rows[0].n);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('watch_dist');
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: (prefix = testRedisPrefix()),
      WATCH_TURN_DELAY_MS: '80',
      // Short enough that an instance checks on the sessions it watches every second.
      WATCH_IDLE_TIMEOUT_SECONDS: '4',
    };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
    alice = await registerUser(a);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('takes each turn once: a session started on A reaches SSE and socket watchers on B exactly once', async () => {
    const { sessionId } = await startWatch(a!, alice, { locale: 'en', maxTurns: 10 });
    // Starting takes the driver lock on A at once; B only watches.
    const socket = await connectSocket(b.url, '/watch', alice.accessToken);
    sockets.push(socket);
    const socketEvents = recordEvents(socket);
    const ack = await emitAck<{ ok: boolean; messages: WatchMessage[] }>(socket, 'watch.join', { sessionId });
    expect(ack.ok).toBe(true);

    const { events } = await streamWatch(b.url, alice, sessionId);
    const messages = ofType<WatchMessage>(events, 'message');
    expect(messages.map((m) => m.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(10);
    expect(ofType<WatchQuiz>(events, 'quiz').map((q) => q.afterTurn)).toEqual([5, 10]);
    expect(events.at(-1)).toEqual({ event: 'end', data: { reason: 'max_turns' } });

    await waitFor(() => socketEvents.some((e) => e.event === 'watch.ended'));
    const live = socketEvents
      .filter((e) => e.event === 'watch.ai.message')
      .map((e) => e.data as WatchMessage);
    expect(live.length).toBeGreaterThan(0);
    expect(new Set(live.map((m) => m.id)).size).toBe(live.length);
    const seen = new Map([...ack.messages, ...live].map((m) => [m.id, m.turn]));
    expect([...seen.values()].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(socketEvents.filter((e) => e.event === 'watch.quiz').length).toBeLessThanOrEqual(2);
    expect(socketEvents.filter((e) => e.event === 'watch.ended')).toHaveLength(1);
    expect(await assistantTurns(sessionId)).toBe(10);
  });

  it('gives a session to one driver at a time, and to another once the holder’s lock lapses', async () => {
    const sessionId = randomUUID();
    const first = await a!.app.get(DriverLock).acquire(sessionId);
    expect(first).not.toBeNull();
    await expect(b.app.get(DriverLock).acquire(sessionId)).resolves.toBeNull();
    await expect(a!.app.get(DriverLock).acquire(sessionId)).resolves.toBeNull();

    // The holder's instance stops renewing (it crashed): its lock expires and B may take the session.
    const redis = new Redis(TEST_REDIS_URL);
    try {
      await redis.pexpire(`${prefix}watch:driver:${sessionId}`, 1);
      await waitFor(async () => (await redis.exists(`${prefix}watch:driver:${sessionId}`)) === 0);
    } finally {
      redis.disconnect();
    }
    const second = await b.app.get(DriverLock).acquire(sessionId);
    expect(second).not.toBeNull();
    await expect(first!.stillHeld()).resolves.toBe(false);
    await first!.release();
    await expect(second!.stillHeld()).resolves.toBe(true);
    await second!.release();
    await expect(
      a!.app
        .get(DriverLock)
        .acquire(sessionId)
        .then((l) => l?.release()),
    ).resolves.toBeUndefined();
  });

  it('carries on from another instance when the one driving the session goes away', async () => {
    const { sessionId } = await startWatch(a!, alice, { locale: 'ja', maxTurns: 8 });
    // A watcher on A is told to reconnect when A shuts down; one on B sees the session through.
    const onA = streamWatch(a!.url, alice, sessionId);
    let closing: Promise<void> | undefined;
    const { events } = await streamWatch(b.url, alice, sessionId, (e, all) => {
      if (e.event === 'message' && ofType(all, 'message').length === 2 && !closing) closing = a!.close();
      return false;
    });
    await closing;
    a = undefined;
    expect((await onA).events.at(-1)).toEqual({ event: 'shutdown', data: { reconnect: true } });

    const messages = ofType<WatchMessage>(events, 'message');
    expect(messages.map((m) => m.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(8);
    expect(events.at(-1)).toEqual({ event: 'end', data: { reason: 'max_turns' } });
    expect(await assistantTurns(sessionId)).toBe(8);
  });
});
