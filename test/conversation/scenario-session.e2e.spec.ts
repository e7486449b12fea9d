import { join } from 'node:path';
import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { collectSse } from '../helpers/sse';
import { ScenarioImporter } from '../../src/modules/scenario/import/scenario-importer';
import { api, as, type User } from './support';

interface Summary {
  id: string;
  slug: string;
  title: string;
  sensitive: boolean;
  roleType: 'standard' | 'reverse';
  locale: 'ja' | 'en';
}

describe('scenario sessions over HTTP (in-process mode, offline AI)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let learner: User;
  let library: Summary[];

  beforeAll(async () => {
    db = await createTestDatabase('scenario_session');
    running = await startApp({ DATABASE_URL: db.url });
    learner = await registerUser(running);
    const res = await request(running.url)
      .get(api('/scenarios'))
      .query({ limit: 100 })
      .set(as(learner))
      .expect(200);
    library = res.body.items as Summary[];
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  const pick = (test: (s: Summary) => boolean) => {
    const found = library.find(test);
    if (!found) throw new Error('the built-in library lacks a scenario this test needs');
    return found;
  };

  it('opens a standard scenario with the character’s first line and a scenario summary', async () => {
    const scenario = pick((s) => !s.sensitive && s.roleType === 'standard' && s.locale === 'ja');
    const detail = await request(running.url)
      .get(api(`/scenarios/${scenario.id}`))
      .set(as(learner))
      .expect(200);
    const res = await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(learner))
      .send({ scenarioId: scenario.id })
      .expect(201);
    expect(res.body).toMatchObject({
      mode: 'scenario',
      scenario: { id: scenario.id, title: scenario.title },
    });
    expect(res.body.scenario.character).toBeUndefined();
    expect(res.body.messages).toEqual([
      expect.objectContaining({ role: 'assistant', content: detail.body.character.initialApproach }),
    ]);
  });

  it('requires consent for sensitive scenarios, enforced by the server', async () => {
    const sensitive = pick((s) => s.sensitive);
    for (const body of [
      { scenarioId: sensitive.id },
      { scenarioId: sensitive.id, acknowledgeSensitive: false },
    ]) {
      const res = await request(running.url).post(api('/scenarios/start')).set(as(learner)).send(body);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONSENT_REQUIRED');
    }
    await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(learner))
      .send({ scenarioId: sensitive.id, acknowledgeSensitive: true })
      .expect(201);
  });

  it('opens a reverse-role scenario with the situation and waits for the learner (the manager)', async () => {
    const reverse = pick((s) => s.roleType === 'reverse');
    const detail = await request(running.url)
      .get(api(`/scenarios/${reverse.id}`))
      .set(as(learner))
      .expect(200);
    const res = await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(learner))
      .send({ scenarioId: reverse.id, acknowledgeSensitive: true })
      .expect(201);
    expect(res.body.messages).toEqual([
      expect.objectContaining({ role: 'assistant', speaker: null, content: detail.body.character.situation }),
    ]);
  });

  it('opens an imported scenario that has no opening line with its situation', async () => {
    await running.app.get(ScenarioImporter).importDirectory(join(__dirname, '../fixtures/scenarios/legacy'));
    const found = await request(running.url)
      .get(api('/scenarios'))
      .query({ q: '相談窓口の使い方' })
      .set(as(learner))
      .expect(200);
    const imported = (found.body.items as Summary[])[0];
    const detail = await request(running.url)
      .get(api(`/scenarios/${imported.id}`))
      .set(as(learner))
      .expect(200);
    expect(detail.body.character.initialApproach).toBe('');
    const res = await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(learner))
      .send({ scenarioId: imported.id, acknowledgeSensitive: true })
      .expect(201);
    expect(res.body.messages).toEqual([
      expect.objectContaining({ role: 'assistant', speaker: null, content: detail.body.character.situation }),
    ]);
    expect(res.body.messages[0].content.length).toBeGreaterThan(0);
  });

  it('validates the preferences of a start like the user preferences', async () => {
    const scenario = pick((s) => !s.sensitive);
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    for (const preferences of [many, { tone: 'x'.repeat(201) }, { nested: { a: 1 } }]) {
      const res = await request(running.url)
        .post(api('/scenarios/start'))
        .set(as(learner))
        .send({ scenarioId: scenario.id, preferences });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'preferences' })]);
    }
    await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(learner))
      .send({ scenarioId: scenario.id, preferences: { tone: 'gentle' } })
      .expect(201);
  });

  it('answers 404 for an unknown scenario', async () => {
    const res = await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(learner))
      .send({ scenarioId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(404);
  });

  it('runs a full scenario session over JSON and SSE, then assesses each feedback point', async () => {
    const scenario = pick((s) => !s.sensitive && s.roleType === 'standard' && s.locale === 'en');
    const started = await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(learner))
      .send({ scenarioId: scenario.id })
      .expect(201);
    const conversationId = started.body.conversationId as string;
    const json = await request(running.url)
      .post(api('/scenarios/message'))
      .set(as(learner))
      .send({
        conversationId,
        content: 'Thank you for explaining. Just to confirm, what is the deadline and the priority?',
      })
      .expect(201);
    expect(json.body.reply.role).toBe('assistant');
    const sse = await collectSse(`${running.url}${api('/scenarios/message')}`, {
      method: 'POST',
      headers: as(learner),
      body: {
        conversationId,
        content: 'I understand. I will send a first draft by Friday 3 pm and check in tomorrow.',
      },
    });
    expect(sse.events.map((e) => e.event)).toEqual(expect.arrayContaining(['user', 'delta', 'done']));
    const feedback = await request(running.url)
      .post(api('/scenarios/feedback'))
      .set(as(learner))
      .send({ conversationId })
      .expect(201);
    const detail = await request(running.url)
      .get(api(`/scenarios/${scenario.id}`))
      .set(as(learner))
      .expect(200);
    expect(feedback.body.feedbackPoints.map((p: { point: string }) => p.point)).toEqual(
      detail.body.feedbackPoints,
    );
    for (const p of feedback.body.feedbackPoints) expect([true, false, null]).toContain(p.met);
    expect(feedback.body.strengths.length).toBeGreaterThanOrEqual(1);
    expect(feedback.body.improvements.length).toBeLessThanOrEqual(3);
    const history = await request(running.url)
      .get(api('/chat/history'))
      .query({ conversationId })
      .set(as(learner))
      .expect(200);
    expect(history.body.items).toHaveLength(5);
  });

  it('keeps a conversation working after its scenario is deleted (it keeps a snapshot)', async () => {
    const admin = await registerUser(running, { role: 'admin' });
    const premium = await registerUser(running, { role: 'premium_user' });
    const created = await request(running.url)
      .post(api('/scenarios'))
      .set(as(premium))
      .send({
        title: 'Short status update',
        description: 'Give your team lead a quick status update.',
        difficulty: 'beginner',
        category: 'reporting',
        locale: 'en',
        character: {
          name: 'Riley',
          personality: 'Direct and friendly team lead.',
          speakingStyle: 'Short sentences.',
          situation: 'Stand-up meeting on a Monday.',
          initialApproach: 'Morning! Where are we with the release notes?',
        },
        learningPoints: ['Lead with the headline'],
        feedbackPoints: ['States the status clearly'],
      })
      .expect(201);
    const started = await request(running.url)
      .post(api('/scenarios/start'))
      .set(as(premium))
      .send({ scenarioId: created.body.id })
      .expect(201);
    await request(running.url)
      .delete(api(`/scenarios/${created.body.id}`))
      .set(as(admin))
      .expect(204);
    const res = await request(running.url)
      .post(api('/scenarios/message'))
      .set(as(premium))
      .send({
        conversationId: started.body.conversationId,
        content: 'The release notes are drafted; I will publish them by noon.',
      })
      .expect(201);
    expect(res.body.reply.speaker).toBe('Riley');
    const feedback = await request(running.url)
      .post(api('/scenarios/feedback'))
      .set(as(premium))
      .send({ conversationId: started.body.conversationId })
      .expect(201);
    expect(feedback.body.feedbackPoints).toEqual([
      expect.objectContaining({ point: 'States the status clearly' }),
    ]);
  });
});
