import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { IdleSweeper } from '../../src/modules/conversation/idle-sweeper';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { collectSse } from '../helpers/sse';
import { api, as, type User } from './support';

describe('small talk over HTTP (real PostgreSQL, Redis, offline AI)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let alice: User;
  let bob: User;

  beforeAll(async () => {
    db = await createTestDatabase('chat');
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: testRedisPrefix(),
      MODERATION_BLOCKLIST: 'forbiddenword',
    });
    alice = await registerUser(running);
    bob = await registerUser(running);
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  async function start(u: User, body: object = {}) {
    const res = await request(running.url).post(api('/chat/start')).set(as(u)).send(body).expect(201);
    return res.body as {
      conversationId: string;
      mode: string;
      messages: Array<{ role: string; content: string; speaker: string | null }>;
    };
  }

  it('starts with an in-character opening line from the AI, in the chosen language', async () => {
    const ja = await start(alice, { partnerType: 'senior', situation: 'lunch', locale: 'ja' });
    expect(ja.mode).toBe('chat');
    expect(ja.messages).toHaveLength(1);
    expect(ja.messages[0]).toMatchObject({ role: 'assistant', speaker: '田中' });
    expect(ja.messages[0].content).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const en = await start(alice, { partnerType: 'client', locale: 'en' });
    expect(en.messages[0].speaker).toBe('Taylor');
    expect(en.messages[0].content).toMatch(/[A-Za-z]/);
  });

  it('validates the start body', async () => {
    const res = await request(running.url)
      .post(api('/chat/start'))
      .set(as(alice))
      .send({ partnerType: 'boss', topic: 'x'.repeat(101) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['partnerType', 'topic']);
  });

  it('answers a message with the stored user message and the AI reply', async () => {
    const { conversationId, messages } = await start(alice, { locale: 'en' });
    const res = await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: '  Hi! How was your weekend?  ' })
      .expect(201);
    expect(res.body.userMessage).toMatchObject({
      role: 'user',
      content: 'Hi! How was your weekend?',
      conversationId,
      speaker: null,
    });
    expect(res.body.reply).toMatchObject({ role: 'assistant', conversationId, speaker: 'Alex' });
    expect(res.body.reply.content.length).toBeGreaterThan(0);
    expect(res.body.reply.content).not.toBe(messages[0].content);
  });

  it('rejects empty, oversized and HTML content', async () => {
    const { conversationId } = await start(alice);
    for (const content of ['   ', 'x'.repeat(4001), 'hello <script>alert(1)</script>']) {
      const res = await request(running.url)
        .post(api('/chat/message'))
        .set(as(alice))
        .send({ conversationId, content });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('streams the reply as Server-Sent Events: user, deltas, done', async () => {
    const { conversationId } = await start(alice, { locale: 'ja' });
    const { status, headers, events } = await collectSse(`${running.url}${api('/chat/message')}`, {
      method: 'POST',
      headers: as(alice),
      body: { conversationId, content: 'お疲れさまです。最近忙しいですか？' },
    });
    expect(status).toBe(200);
    expect(String(headers['content-type'])).toMatch(/text\/event-stream/);
    expect(headers['x-request-id']).toBeDefined();
    expect(events[0].event).toBe('user');
    expect(events[events.length - 1].event).toBe('done');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(1);
    const reply = (events[events.length - 1].data as { reply: { content: string; role: string } }).reply;
    expect(reply.role).toBe('assistant');
    expect(deltas.join('').trim()).toBe(reply.content);
  });

  it('pages history backwards with before and nextBefore, oldest to newest within a page', async () => {
    const { conversationId } = await start(alice, { locale: 'en' });
    for (const content of ['First message here', 'Second message, thanks', 'Third and last one?']) {
      await request(running.url)
        .post(api('/chat/message'))
        .set(as(alice))
        .send({ conversationId, content })
        .expect(201);
    }
    const all = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId })
      .set(as(alice))
      .expect(200);
    expect(all.body.items).toHaveLength(7);
    expect(all.body.nextBefore).toBeNull();
    expect(all.body.conversation).toMatchObject({
      id: conversationId,
      mode: 'chat',
      messageCount: 7,
      endedAt: null,
    });

    const newest = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId, limit: 3 })
      .set(as(alice))
      .expect(200);
    expect(newest.body.items.map((m: { id: string }) => m.id)).toEqual(
      all.body.items.slice(4).map((m: { id: string }) => m.id),
    );
    expect(newest.body.nextBefore).toBe(all.body.items[4].id);
    const older = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId, limit: 3, before: newest.body.nextBefore })
      .set(as(alice))
      .expect(200);
    expect(older.body.items.map((m: { id: string }) => m.id)).toEqual(
      all.body.items.slice(1, 4).map((m: { id: string }) => m.id),
    );
    const oldest = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId, limit: 3, before: older.body.nextBefore })
      .set(as(alice))
      .expect(200);
    expect(oldest.body.items).toHaveLength(1);
    expect(oldest.body.nextBefore).toBeNull();
  });

  it('makes a send idempotent with clientMessageId', async () => {
    const { conversationId } = await start(alice, { locale: 'en' });
    const clientMessageId = randomUUID();
    const body = { conversationId, content: 'Could you tell me more about the project?', clientMessageId };
    const first = await request(running.url).post(api('/chat/message')).set(as(alice)).send(body).expect(201);
    const second = await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send(body)
      .expect(200);
    expect(second.body.userMessage.id).toBe(first.body.userMessage.id);
    expect(second.body.reply.id).toBe(first.body.reply.id);
    expect(first.body.userMessage.clientMessageId).toBe(clientMessageId);
    const history = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId })
      .set(as(alice))
      .expect(200);
    expect(history.body.items.filter((m: { role: string }) => m.role === 'user')).toHaveLength(1);
  });

  it('stops abuse and loops before the AI with a moderation note', async () => {
    const { conversationId } = await start(alice, { locale: 'en' });
    const send = { conversationId, content: 'this is a ForbiddenWord', clientMessageId: randomUUID() };
    const blocked = await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send(send)
      .expect(201);
    const again = await request(running.url).post(api('/chat/message')).set(as(alice)).send(send).expect(200);
    expect(again.body).toEqual(blocked.body);
    expect(blocked.body.reply).toBeNull();
    expect(blocked.body.moderation).toMatchObject({
      reason: 'blocked_word',
      note: expect.stringMatching(/not allowed/),
    });
    expect(blocked.body.moderation.note).not.toMatch(/forbiddenword/i);
    await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: 'same thing' })
      .expect(201);
    await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: 'same thing' })
      .expect(201);
    const loop = await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: 'same thing' })
      .expect(201);
    expect(loop.body.moderation.reason).toBe('repetition');
    expect(loop.body.reply).toBeNull();
  });

  it('ends a conversation; later sends answer 409 CONVERSATION_ENDED', async () => {
    const { conversationId } = await start(alice);
    const ended = await request(running.url)
      .post(api('/chat/end'))
      .set(as(alice))
      .send({ conversationId })
      .expect(200);
    expect(ended.body).toMatchObject({ id: conversationId, endedAt: expect.any(String) });
    const res = await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: 'Hello?' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONVERSATION_ENDED');
  });

  it('ends conversations left idle longer than the configured time', async () => {
    const { conversationId } = await start(alice);
    const fresh = await start(alice);
    await running.app
      .get(DataSource)
      .query(
        "UPDATE conversations SET started_at = now() - interval '3 hours', last_message_at = now() - interval '3 hours' WHERE id = $1",
        [conversationId],
      );
    await expect(running.app.get(IdleSweeper).sweep()).resolves.toBeGreaterThanOrEqual(1);
    const idle = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId })
      .set(as(alice))
      .expect(200);
    expect(idle.body.conversation.endedAt).not.toBeNull();
    const res = await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: 'Still there?' });
    expect(res.body.code).toBe('CONVERSATION_ENDED');
    const active = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId: fresh.conversationId })
      .set(as(alice))
      .expect(200);
    expect(active.body.conversation.endedAt).toBeNull();
  });

  it('gives feedback, the same stored feedback for an unchanged conversation, and new feedback after new messages', async () => {
    const { conversationId } = await start(alice, { locale: 'en' });
    const before = await request(running.url)
      .post(api('/chat/feedback'))
      .set(as(alice))
      .send({ conversationId });
    expect(before.status).toBe(409);
    expect(before.body.code).toBe('NOTHING_TO_ASSESS');
    await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({
        conversationId,
        content: 'Thanks for asking! I see, that sounds busy. Could we meet on Friday at 3 pm?',
      })
      .expect(201);
    const first = await request(running.url)
      .post(api('/chat/feedback'))
      .set(as(alice))
      .send({ conversationId })
      .expect(201);
    expect(first.body).toMatchObject({ conversationId, generatedBy: 'heuristic', model: null });
    for (const axis of [
      'empathy',
      'clarity',
      'activeListening',
      'adaptability',
      'positivity',
      'professionalism',
    ]) {
      expect(Number.isInteger(first.body.scores[axis])).toBe(true);
    }
    const again = await request(running.url)
      .post(api('/chat/feedback'))
      .set(as(alice))
      .send({ conversationId })
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    // Stored as JSONB, answered in axis order both times: the two bodies are the same text.
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(Object.keys(again.body.scores)).toEqual([
      'empathy',
      'clarity',
      'activeListening',
      'adaptability',
      'positivity',
      'professionalism',
    ]);
    await request(running.url)
      .post(api('/chat/message'))
      .set(as(alice))
      .send({ conversationId, content: 'ok' })
      .expect(201);
    const changed = await request(running.url)
      .post(api('/chat/feedback'))
      .set(as(alice))
      .send({ conversationId })
      .expect(201);
    expect(changed.body.id).not.toBe(first.body.id);
  });

  it('lists my history newest first with a mode filter and real totals', async () => {
    const carol = await registerUser(running);
    const a = await start(carol);
    const b = await start(carol, { locale: 'en' });
    const page = await request(running.url)
      .get(api('/users/me/history'))
      .query({ limit: 1 })
      .set(as(carol))
      .expect(200);
    expect(page.body).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(page.body.items[0].id).toBe(b.conversationId);
    const second = await request(running.url)
      .get(api('/users/me/history'))
      .query({ limit: 1, page: 2 })
      .set(as(carol))
      .expect(200);
    expect(second.body.items[0]).toMatchObject({ id: a.conversationId, messageCount: 1 });
    const none = await request(running.url)
      .get(api('/users/me/history'))
      .query({ mode: 'scenario' })
      .set(as(carol))
      .expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    await request(running.url).get(api('/users/me/history')).query({ limit: 101 }).set(as(carol)).expect(400);
  });

  it('exports every conversation and message as JSON and CSV', async () => {
    const dave = await registerUser(running);
    const { conversationId } = await start(dave, { locale: 'en' });
    await request(running.url)
      .post(api('/chat/message'))
      .set(as(dave))
      .send({ conversationId, content: '=SUM(A1) "quoted", ok' })
      .expect(201);
    const json = await request(running.url)
      .get(api('/users/me/export'))
      .query({ format: 'json' })
      .set(as(dave))
      .expect(200);
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(json.headers['content-disposition']).toMatch(/attachment/);
    const parsed = JSON.parse(json.text) as {
      conversations: Array<{ id: string; messages: Array<{ content: string }> }>;
    };
    expect(parsed.conversations).toHaveLength(1);
    expect(parsed.conversations[0].id).toBe(conversationId);
    expect(parsed.conversations[0].messages).toHaveLength(3);
    const csv = await request(running.url)
      .get(api('/users/me/export'))
      .query({ format: 'csv' })
      .set(as(dave))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'conversation_id,mode,title,started_at,ended_at,message_id,role,speaker,content,created_at',
    );
    expect(lines).toHaveLength(4);
    expect(csv.text).toContain(`"'=SUM(A1) ""quoted"", ok"`);
  });

  it('answers 404 for every route on another user’s conversation', async () => {
    const { conversationId } = await start(alice);
    const calls = [
      request(running.url).get(api('/chat/history')).query({ conversationId }),
      request(running.url).post(api('/chat/message')).send({ conversationId, content: 'hi' }),
      request(running.url).post(api('/scenarios/message')).send({ conversationId, content: 'hi' }),
      request(running.url).post(api('/chat/feedback')).send({ conversationId }),
      request(running.url).post(api('/scenarios/feedback')).send({ conversationId }),
      request(running.url).post(api('/chat/end')).send({ conversationId }),
      request(running.url).delete(api(`/chat/session/${conversationId}`)),
    ];
    for (const call of calls) {
      const res = await call.set(as(bob));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const exported = await request(running.url).get(api('/users/me/export')).set(as(bob)).expect(200);
    expect(exported.text).not.toContain(conversationId);
    await request(running.url).get(api('/chat/history')).query({ conversationId }).set(as(alice)).expect(200);
  });

  it('deletes a conversation and its messages', async () => {
    const { conversationId } = await start(alice);
    await request(running.url)
      .delete(api(`/chat/session/${conversationId}`))
      .set(as(alice))
      .expect(204);
    await request(running.url).get(api('/chat/history')).query({ conversationId }).set(as(alice)).expect(404);
    const rows = await running.app
      .get(DataSource)
      .query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1', [
        conversationId,
      ]);
    expect(rows[0].n).toBe(0);
  });

  it('lets admins read any conversation through the admin routes only', async () => {
    const admin = await registerUser(running, { role: 'admin' });
    const { conversationId } = await start(alice);
    const list = await request(running.url)
      .get(api('/admin/conversations'))
      .query({ userId: alice.id })
      .set(as(admin))
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(conversationId);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    const one = await request(running.url)
      .get(api(`/admin/conversations/${conversationId}`))
      .set(as(admin))
      .expect(200);
    expect(one.body).toMatchObject({
      id: conversationId,
      messages: [expect.objectContaining({ role: 'assistant' })],
    });
    await request(running.url).get(api('/admin/conversations')).set(as(alice)).expect(403);
    await request(running.url).get(api('/chat/history')).query({ conversationId }).set(as(admin)).expect(404);
  });
});
