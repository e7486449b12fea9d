import request from 'supertest';
import { SKILL_AXES } from '../../src/modules/conversation';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { FakeLlmServer } from '../llm/support/fake-llm-server';
import { openaiJson } from '../llm/support/openai-wire';
import { api, as, dropRedisPrefix, finished, practise, SKILLED_EN } from './support';

/** Replies come from the offline model; analyses go to an OpenAI-compatible server played by a local fake. */
describe('analytics with a real model', () => {
  const prefix = testRedisPrefix();
  let db: TestDatabase;
  let llm: FakeLlmServer;
  let running: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase('analytics_model');
    llm = await FakeLlmServer.start();
    await llm.warmUp();
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      JOBS_BACKOFF_MS: '50',
      LLM_PROVIDERS: 'offline,openai',
      FEEDBACK_MODEL: 'openai/gpt-4o-mini',
      OPENAI_BASE_URL: `${llm.url}/v1`,
      OPENAI_API_KEY: 'test-key',
      LLM_MAX_RETRIES: '0',
    });
  });
  afterAll(async () => {
    await running?.close();
    await llm?.close();
    await db?.drop();
    await dropRedisPrefix(prefix);
  });

  /** A learner with one open conversation (no feedback, not ended, so nothing else calls the model). */
  async function learnerWithConversation(): Promise<{ user: TestUser; conversationId: string }> {
    const user = await registerUser(running);
    const conversationId = await practise(running, user, {
      messages: SKILLED_EN,
      feedback: false,
      end: false,
    });
    return { user, conversationId };
  }

  async function analyse(user: TestUser) {
    const jobId = (
      await request(running.url).post(api('/analytics/strengths/analyze')).set(as(user)).expect(202)
    ).body.jobId as string;
    return finished(running, user, jobId);
  }

  it("stores the model's scores and only the evidence quotes that are the learner's own words", async () => {
    const { user, conversationId } = await learnerWithConversation();
    const scores = {
      empathy: 81,
      clarity: 77,
      activeListening: 40,
      adaptability: 66,
      positivity: 72,
      professionalism: 90,
    };
    const evidence = Object.fromEntries(SKILL_AXES.map((a) => [a, []])) as Record<string, unknown[]>;
    evidence.empathy = [
      { conversationId, quote: 'That sounds stressful, I can imagine.' },
      { conversationId, quote: 'I completely understand how you feel' },
    ];
    evidence.clarity = [
      { conversationId: '00000000-0000-4000-8000-000000000000', quote: 'the deadline is Friday 5 pm' },
    ];
    llm.next(openaiJson(JSON.stringify({ scores, evidence })));

    const job = await analyse(user);
    expect(job.status).toBe('completed');
    const strengths = (await request(running.url).get(api('/analytics/strengths')).set(as(user)).expect(200))
      .body;
    expect(strengths).toMatchObject({
      generatedBy: 'llm',
      model: 'openai/gpt-4o-mini',
      scores,
      basedOnConversations: 1,
    });
    expect(strengths.topStrengths).toEqual([
      { axis: 'professionalism', score: 90 },
      { axis: 'empathy', score: 81 },
      { axis: 'clarity', score: 77 },
    ]);
    expect(strengths.evidence.empathy).toEqual([
      { conversationId, quote: 'That sounds stressful, I can imagine.' },
    ]);
    expect(strengths.evidence.clarity).toEqual([]);
    expect(strengths.feedback).toContain('Next, work on active listening (40)');

    // The model read the learner's messages and none of the partner's.
    const prompt = JSON.stringify(llm.requests[llm.requests.length - 1].body.messages);
    for (const message of SKILLED_EN) expect(prompt).toContain(message.replace(/"/g, '\\"'));
    const replies = (
      await request(running.url).get(api('/chat/history')).query({ conversationId }).set(as(user))
    ).body.items
      .filter((m: { role: string }) => m.role === 'assistant')
      .map((m: { content: string }) => m.content);
    for (const reply of replies) expect(prompt).not.toContain(JSON.stringify(reply).slice(1, -1));
  });

  it('falls back to the deterministic heuristic when the model answers invalid JSON twice', async () => {
    const { user } = await learnerWithConversation();
    llm.next(openaiJson('{"scores": "high"}'), openaiJson('not json at all'));
    const job = await analyse(user);
    expect(job.status).toBe('completed');
    const strengths = (await request(running.url).get(api('/analytics/strengths')).set(as(user)).expect(200))
      .body;
    expect(strengths).toMatchObject({ generatedBy: 'heuristic', model: null });
    expect(llm.pending).toBe(0);
  });
});
