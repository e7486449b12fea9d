import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { connectSocket, emitAck, recordEvents } from '../helpers/socket';
import { waitFor } from '../helpers/wait';
import { api, as, ofType, startWatch, streamWatch, type WatchMessage, type WatchQuiz } from './support';

const JAPANESE = /[ぁ-んァ-ン一-龯]/;

describe('watch mode on one instance', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let alice: TestUser;
  let bob: TestUser;
  const sockets: Socket[] = [];
  /** The Japanese session of the first test, reused by the later ones. */
  let jaSession: { id: string; messages: WatchMessage[]; quizzes: WatchQuiz[] };

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('watch');
    running = await startApp({ DATABASE_URL: db.url, WATCH_TURN_DELAY_MS: '60' });
    [alice, bob] = await Promise.all([registerUser(running), registerUser(running)]);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('runs a Japanese session to its cap over SSE, with a quiz after every 5th turn', async () => {
    const started = await startWatch(running, alice, { maxTurns: 10 });
    expect(started).toMatchObject({ maxTurns: 10, locale: 'ja' });
    expect(started.personas).toHaveLength(2);
    expect(started.personas.map((p) => p.name).join('')).toMatch(JAPANESE);
    expect(started.theme).toMatch(JAPANESE);

    const { status, headers, events } = await streamWatch(running.url, alice, started.sessionId);
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/text\/event-stream/);
    const messages = ofType<WatchMessage>(events, 'message');
    expect(messages.map((m) => m.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(10);
    // Each colleague speaks in turn, never answering themselves.
    const names = started.personas.map((p) => p.name);
    expect(messages.map((m) => m.speaker)).toEqual(messages.map((_, i) => names[i % 2]));
    for (const m of messages) {
      expect(m).toMatchObject({ role: 'assistant', conversationId: started.sessionId });
      expect(m.content).toMatch(JAPANESE);
    }
    // A colleague does not repeat the other's sentence word for word.
    const sentences = messages.flatMap((m) => m.content.split('。').filter(Boolean));
    expect(sentences.filter((s, i) => sentences.indexOf(s) !== i)).toEqual([]);

    const order = events.map((e) =>
      e.event === 'message'
        ? `m${(e.data as WatchMessage).turn}`
        : e.event === 'quiz'
          ? `q${(e.data as WatchQuiz).afterTurn}`
          : e.event,
    );
    expect(order).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'q5', 'm6', 'm7', 'm8', 'm9', 'm10', 'q10', 'end']);
    const quizzes = ofType<WatchQuiz>(events, 'quiz');
    for (const quiz of quizzes) {
      expect(Object.keys(quiz).sort()).toEqual(['afterTurn', 'choices', 'id', 'question', 'sessionId']);
      expect(quiz.choices.length).toBeGreaterThanOrEqual(3);
      expect(quiz.choices.length).toBeLessThanOrEqual(4);
      expect(quiz.question).toMatch(JAPANESE);
    }
    expect(events.at(-1)).toEqual({ event: 'end', data: { reason: 'max_turns' } });
    jaSession = { id: started.sessionId, messages, quizzes };
  });

  it('replays the whole session to a late watcher, then ends the stream', async () => {
    const { events } = await streamWatch(running.url, alice, jaSession.id);
    expect(ofType<WatchMessage>(events, 'message')).toEqual(jaSession.messages);
    expect(ofType<WatchQuiz>(events, 'quiz')).toEqual(jaSession.quizzes);
    expect(events.at(-1)).toEqual({ event: 'end', data: { reason: 'max_turns' } });
  });

  it('keeps the session in history and export like any conversation', async () => {
    const history = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId: jaSession.id })
      .set(as(alice))
      .expect(200);
    expect(history.body.conversation).toMatchObject({ id: jaSession.id, mode: 'watch', messageCount: 10 });
    expect(history.body.conversation.endedAt).not.toBeNull();
    expect(history.body.items.map((m: WatchMessage) => [m.id, m.speaker])).toEqual(
      jaSession.messages.map((m) => [m.id, m.speaker]),
    );

    const list = await request(running.url)
      .get(api('/users/me/history'))
      .query({ mode: 'watch' })
      .set(as(alice))
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(jaSession.id);

    const exported = await request(running.url).get(api('/users/me/export')).set(as(alice)).expect(200);
    const body = JSON.parse(exported.text) as {
      conversations: Array<{ id: string; messages: WatchMessage[] }>;
    };
    const watched = body.conversations.find((c) => c.id === jaSession.id);
    expect(watched?.messages.map((m) => m.speaker)).toEqual(jaSession.messages.map((m) => m.speaker));
  });

  it('scores quiz answers on the server, once each, and explains them', async () => {
    const [first, second] = jaSession.quizzes;
    const [stored] = await sql<{ correct_choice: number }>(
      'SELECT correct_choice FROM watch_quizzes WHERE id = $1',
      [first.id],
    );
    const wrong = (stored.correct_choice + 1) % first.choices.length;
    const answer = await request(running.url)
      .post(api(`/watch/quiz/${first.id}/answer`))
      .set(as(alice))
      .send({ choice: wrong })
      .expect(200);
    expect(answer.body).toEqual({
      correct: false,
      correctChoice: stored.correct_choice,
      explanation: expect.any(String),
    });
    expect(answer.body.explanation).toMatch(JAPANESE);

    const again = await request(running.url)
      .post(api(`/watch/quiz/${first.id}/answer`))
      .set(as(alice))
      .send({ choice: stored.correct_choice })
      .expect(409);
    expect(again.body.code).toBe('ALREADY_ANSWERED');
    const [kept] = await sql<{ answered_choice: number }>(
      'SELECT answered_choice FROM watch_quizzes WHERE id = $1',
      [first.id],
    );
    expect(kept.answered_choice).toBe(wrong);

    const [secondStored] = await sql<{ correct_choice: number }>(
      'SELECT correct_choice FROM watch_quizzes WHERE id = $1',
      [second.id],
    );
    await request(running.url)
      .post(api(`/watch/quiz/${second.id}/answer`))
      .set(as(bob))
      .send({ choice: 0 })
      .expect(404);
    await request(running.url)
      .post(api(`/watch/quiz/${second.id}/answer`))
      .set(as(alice))
      .send({ choice: 7 })
      .expect(400);
    await request(running.url)
      .post(api(`/watch/quiz/${second.id}/answer`))
      .set(as(alice))
      .send({ choice: '1' })
      .expect(400);
    const right = await request(running.url)
      .post(api(`/watch/quiz/${second.id}/answer`))
      .set(as(alice))
      .send({ choice: secondStored.correct_choice })
      .expect(200);
    expect(right.body).toMatchObject({ correct: true, correctChoice: secondStored.correct_choice });
    await request(running.url)
      .post(api('/watch/quiz/00000000-0000-4000-8000-000000000000/answer'))
      .set(as(alice))
      .send({ choice: 0 })
      .expect(404);
  });

  it('runs an English session to its cap over Socket.IO, the join ack carrying the turns so far', async () => {
    const started = await startWatch(running, alice, { locale: 'en', maxTurns: 8 });
    expect(started.personas.map((p) => p.name)).toEqual(['Emma', 'Ryan']);
    const socket = await connectSocket(running.url, '/watch', alice.accessToken);
    sockets.push(socket);
    const events = recordEvents(socket);
    const ack = await emitAck<{
      ok: boolean;
      sessionId: string;
      messages: WatchMessage[];
      quizzes: WatchQuiz[];
      endReason: string | null;
    }>(socket, 'watch.join', { sessionId: started.sessionId });
    expect(ack).toMatchObject({ ok: true, sessionId: started.sessionId });
    expect(ack.endReason).toBeNull();
    await waitFor(() => events.some((e) => e.event === 'watch.ended'));

    const live = events.filter((e) => e.event === 'watch.ai.message').map((e) => e.data as WatchMessage);
    expect(live.length).toBeGreaterThan(0);
    expect(new Set(live.map((m) => m.turn)).size).toBe(live.length);
    const byId = new Map([...ack.messages, ...live].map((m) => [m.id, m]));
    const turns = [...byId.values()].sort((a, b) => (a.turn ?? 0) - (b.turn ?? 0));
    expect(turns.map((m) => m.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(turns.map((m) => m.speaker)).toEqual([
      'Emma',
      'Ryan',
      'Emma',
      'Ryan',
      'Emma',
      'Ryan',
      'Emma',
      'Ryan',
    ]);
    for (const m of turns) expect(m.content).toMatch(/^[\x20-\x7e’“”—…]+$/);
    const quizzes = [
      ...ack.quizzes,
      ...events.filter((e) => e.event === 'watch.quiz').map((e) => e.data as WatchQuiz),
    ];
    expect(new Set(quizzes.map((q) => q.afterTurn))).toEqual(new Set([5]));
    expect(quizzes[0].choices.length).toBeGreaterThanOrEqual(3);
    expect(events.filter((e) => e.event === 'watch.ended').map((e) => e.data)).toEqual([
      { sessionId: started.sessionId, reason: 'max_turns' },
    ]);
  });

  it('refuses another user’s session as not found, over HTTP and the socket', async () => {
    const { sessionId } = await startWatch(running, alice, { locale: 'en', maxTurns: 2 });
    const stream = await streamWatch(running.url, bob, sessionId);
    expect(stream.status).toBe(404);
    expect(JSON.parse(stream.raw)).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    for (const path of [
      `/watch/join/${sessionId}`,
      `/watch/stop/${sessionId}`,
      `/watch/leave/${sessionId}`,
    ]) {
      const res = await request(running.url).post(api(path)).set(as(bob)).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    await request(running.url)
      .post(api(`/watch/message/${sessionId}`))
      .set(as(bob))
      .send({ content: 'Hello' })
      .expect(404);
    await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId: sessionId })
      .set(as(bob))
      .expect(404);

    const socket = await connectSocket(running.url, '/watch', bob.accessToken);
    sockets.push(socket);
    await expect(emitAck(socket, 'watch.join', { sessionId })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    await expect(emitAck(socket, 'watch.message.send', { sessionId, content: 'hi' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    await expect(emitAck(socket, 'watch.join', { sessionId: 'nope' })).resolves.toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    await expect(connectSocket(running.url, '/watch', 'not-a-token')).rejects.toThrow('unauthorized');
    // And the owner's session went on undisturbed.
    const own = await streamWatch(running.url, alice, sessionId);
    expect(ofType<WatchMessage>(own.events, 'message').map((m) => m.turn)).toEqual([1, 2]);
  });

  it('validates the start request', async () => {
    const bad = [
      { maxTurns: 0 },
      { maxTurns: 41 },
      { maxTurns: 2.5 },
      { locale: 'fr' },
      { theme: '<b>x</b>' },
      { theme: '' },
      { personas: [{ name: 'A', role: 'r', personality: 'p' }] },
      {
        personas: [
          { name: 'A', role: 'r', personality: 'p' },
          { name: 'B', role: 'r' },
        ],
      },
      {
        personas: [
          { name: 'Ann', role: 'r', personality: 'p' },
          { name: 'ann', role: 'r2', personality: 'p2' },
        ],
      },
      { personas: [[], []] },
      { personas: ['Ann', 'Bob'] },
      { extra: true },
    ];
    for (const body of bad) {
      const res = await request(running.url).post(api('/watch/start')).set(as(alice)).send(body);
      expect([res.status, res.body.code, body]).toEqual([400, 'VALIDATION_FAILED', body]);
    }
    await request(running.url).post(api('/watch/start')).send({}).expect(401);
  });

  it('lets the learner choose the theme and the two colleagues', async () => {
    const personas = [
      { name: 'Dana', role: 'project lead', personality: 'Direct and organised; wants decisions made.' },
      { name: 'Lee', role: 'designer', personality: 'Thoughtful and a little cautious.' },
    ];
    const started = await startWatch(running, alice, {
      locale: 'en',
      maxTurns: 3,
      theme: 'the design review',
      personas,
    });
    expect(started).toMatchObject({ theme: 'the design review', personas, maxTurns: 3, locale: 'en' });
    const { events } = await streamWatch(running.url, alice, started.sessionId);
    const messages = ofType<WatchMessage>(events, 'message');
    expect(messages.map((m) => m.speaker)).toEqual(['Dana', 'Lee', 'Dana']);
    expect(messages[0].content).toContain('the design review');
    expect(ofType(events, 'quiz')).toEqual([]);
  });
});
