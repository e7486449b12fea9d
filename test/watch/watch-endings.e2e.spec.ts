import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { FakeLlmServer } from '../llm/support/fake-llm-server';
import { openaiStream } from '../llm/support/openai-wire';
import { api, as, ofType, startWatch, streamWatch, type WatchMessage } from './support';

/** Watch sessions that end before their turn cap, with a real model adapter talking to a local server. */
describe('watch sessions that end on their own', () => {
  let db: TestDatabase;
  let model: FakeLlmServer;
  let running: RunningApp;
  let user: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase('watch_endings');
    model = await FakeLlmServer.start();
    running = await startApp({
      DATABASE_URL: db.url,
      LLM_PROVIDERS: 'openai',
      DEFAULT_MODEL: 'openai/gpt-4o-mini',
      OPENAI_API_KEY: 'test-key-not-real',
      OPENAI_BASE_URL: `${model.url}/v1`,
      LLM_MAX_RETRIES: '0',
      LLM_CIRCUIT_FAILURE_THRESHOLD: '100',
      WATCH_TURN_DELAY_MS: '20',
    });
    user = await registerUser(running);
  });
  afterAll(async () => {
    await running?.close();
    await model?.close();
    await db?.drop();
  });

  it('ends with `natural_end` when both colleagues take leave, before the turn cap', async () => {
    model.next(
      openaiStream(['Morning! Did you see the ', 'new rota for next week?']),
      openaiStream(['I did, and I am glad Fridays ', 'are lighter now.']),
      openaiStream(['Same here. Anyway, I should get back to my desk. ', 'See you later!']),
      openaiStream(['Sure, have a good afternoon. ', 'See you!']),
    );
    const { sessionId } = await startWatch(running, user, { locale: 'en', maxTurns: 10 });
    const stream = await streamWatch(running.url, user, sessionId);

    const lines = ofType<WatchMessage>(stream.events, 'message');
    expect(lines.map((m) => m.content)).toEqual([
      'Morning! Did you see the new rota for next week?',
      'I did, and I am glad Fridays are lighter now.',
      'Same here. Anyway, I should get back to my desk. See you later!',
      'Sure, have a good afternoon. See you!',
    ]);
    expect(new Set(lines.map((m) => m.speaker)).size).toBe(2);
    expect(ofType(stream.events, 'end')).toEqual([expect.objectContaining({ reason: 'natural_end' })]);
    expect(model.pending).toBe(0);
  });

  it('ends with `llm_unavailable` when the model keeps failing, and stores no error text as a turn', async () => {
    // Nothing scripted: the server answers every request 500, in OpenAI's error format.
    const { sessionId } = await startWatch(running, user, { locale: 'ja', maxTurns: 10 });
    const stream = await streamWatch(running.url, user, sessionId);

    expect(ofType(stream.events, 'message')).toEqual([]);
    expect(ofType(stream.events, 'end')).toEqual([expect.objectContaining({ reason: 'llm_unavailable' })]);
    const history = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId: sessionId })
      .set(as(user))
      .expect(200);
    expect(history.body.items).toEqual([]);
    expect(history.body.conversation.endedAt).not.toBeNull();
  });
});
