import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LearnerActivityService, SKILL_AXES } from '../../src/modules/conversation';
import { StrengthAnalyzer } from '../../src/modules/analytics/strength-analyzer';
import { analysisInputOf, inputHash } from '../../src/modules/analytics/domain/analysis-input';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { waitFor } from '../helpers/wait';
import { api, as, dropRedisPrefix, finished, PLAIN_EN, practise, SKILLED_EN } from './support';

describe('analytics with PostgreSQL and Redis', () => {
  const prefix = testRedisPrefix();
  let db: TestDatabase;
  let running: RunningApp;
  let learner: TestUser;
  let other: TestUser;
  let admin: TestUser;
  const conversations: string[] = [];
  let sent = 0;
  let first: { jobId: string; analysisId: string } | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('analytics');
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      JOBS_BACKOFF_MS: '50',
      ANALYTICS_WINDOW_CONVERSATIONS: '5',
    });
    [learner, other, admin] = await Promise.all([
      registerUser(running),
      registerUser(running),
      registerUser(running, { role: 'admin' }),
    ]);
    const plays = [
      { messages: PLAIN_EN },
      { messages: SKILLED_EN },
      { messages: SKILLED_EN.slice(0, 2), feedback: false },
    ];
    for (const play of plays) {
      conversations.push(await practise(running, learner, play));
      sent += play.messages.length;
    }
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
    await dropRedisPrefix(prefix);
  });

  async function analyse(user: TestUser): Promise<string> {
    const res = await request(running.url)
      .post(api('/analytics/strengths/analyze'))
      .set(as(user))
      .expect(202);
    expect(res.body.jobId).toMatch(/^[0-9a-f-]{36}$/);
    return res.body.jobId as string;
  }

  it('answers 404 NO_ANALYSIS before the first analysis, and 409 when there is nothing to analyse', async () => {
    const res = await request(running.url).get(api('/analytics/strengths')).set(as(other)).expect(404);
    expect(res.body.code).toBe('NO_ANALYSIS');
    const analyze = await request(running.url)
      .post(api('/analytics/strengths/analyze'))
      .set(as(other))
      .expect(409);
    expect(analyze.body.code).toBe('NOTHING_TO_ANALYZE');
  });

  it('analyses several conversations through a background job, once per input', async () => {
    const [jobId, again] = await Promise.all([analyse(learner), analyse(learner)]);
    expect(again).toBe(jobId);
    const job = await finished(running, learner, jobId);
    expect(job).toMatchObject({ status: 'completed', attempts: 1 });

    const strengths = (
      await request(running.url).get(api('/analytics/strengths')).set(as(learner)).expect(200)
    ).body;
    expect(job.result).toEqual(strengths);
    expect(strengths.basedOnConversations).toBe(3);
    expect(strengths.generatedBy).toBe('heuristic');
    for (const axis of SKILL_AXES) expect(strengths.scores[axis]).toEqual(expect.any(Number));
    expect(strengths.topStrengths).toHaveLength(3);
    expect(strengths.topStrengths[0].score).toBeGreaterThanOrEqual(strengths.topStrengths[2].score);
    expect(strengths.feedback).toMatch(/Next, work on .+ Then /);
    const quotes = SKILL_AXES.flatMap(
      (a) => strengths.evidence[a] as Array<{ conversationId: string; quote: string }>,
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(conversations).toContain(q.conversationId);
      expect([...SKILLED_EN, ...PLAIN_EN]).toContain(q.quote);
    }

    // Asking again with nothing changed is the same finished job, not a new analysis.
    await expect(analyse(learner)).resolves.toBe(jobId);
    const after = (await request(running.url).get(api('/analytics/strengths')).set(as(learner)).expect(200))
      .body;
    expect(after.id).toBe(strengths.id);
    first = { jobId, analysisId: strengths.id as string };
  });

  it('gives the same scores for the same input when analysed again', async () => {
    const strengths = (
      await request(running.url).get(api('/analytics/strengths')).set(as(learner)).expect(200)
    ).body;
    const window = await running.app.get(LearnerActivityService).recentConversations(learner.id, 5);
    const input = analysisInputOf(window);
    const fresh = await running.app.get(StrengthAnalyzer).analyze(learner.id, input, inputHash(input));
    expect(fresh.scores).toEqual(strengths.scores);
    expect(fresh.evidence).toEqual(strengths.evidence);
  });

  it('analyses again by itself when a conversation ends, and serves the new analysis', async () => {
    const before = (await request(running.url).get(api('/analytics/strengths')).set(as(learner)).expect(200))
      .body;
    conversations.push(
      await practise(running, learner, { messages: ['I apologise for the delay.'], feedback: false }),
    );
    sent += 1;
    const next = await waitFor(
      async () => {
        const res = await request(running.url).get(api('/analytics/strengths')).set(as(learner)).expect(200);
        return res.body.id !== before.id ? res.body : undefined;
      },
      { timeoutMs: 20000 },
    );
    expect(next.basedOnConversations).toBe(4);
  });

  it("hides another user's job and analysis", async () => {
    const jobId = await analyse(learner);
    await finished(running, learner, jobId);
    const res = await request(running.url)
      .get(api(`/analytics/jobs/${jobId}`))
      .set(as(other))
      .expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    await request(running.url)
      .get(api('/analytics/jobs/00000000-0000-4000-8000-000000000000'))
      .set(as(learner))
      .expect(404);
    // The learner's analysis is not reachable through another account's routes.
    await request(running.url).get(api('/analytics/strengths')).set(as(other)).expect(404);
    await request(running.url)
      .get(api(`/admin/analytics/users/${learner.id}/strengths`))
      .set(as(other))
      .expect(403);
  });

  it('buckets progress in SQL so that the buckets add up to the raw counts', async () => {
    // Move the oldest conversation (with its messages and feedback) 40 days back to spread the data over buckets.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(`UPDATE conversations SET started_at = started_at - interval '40 days' WHERE id = $1`, [
        conversations[0],
      ]);
      await pg.query(
        `UPDATE messages SET created_at = created_at - interval '40 days' WHERE conversation_id = $1`,
        [conversations[0]],
      );
      await pg.query(
        `UPDATE feedback SET created_at = created_at - interval '40 days' WHERE conversation_id = $1`,
        [conversations[0]],
      );
      const [raw] = (
        await pg.query<{ conversations: string; messages: string }>(
          `SELECT (SELECT count(*) FROM conversations WHERE user_id = $1) AS conversations,
                  (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
                    WHERE c.user_id = $1 AND m.role = 'user') AS messages`,
          [learner.id],
        )
      ).rows;
      expect(Number(raw.conversations)).toBe(conversations.length);
      expect(Number(raw.messages)).toBe(sent);
    } finally {
      await pg.end();
    }

    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    for (const bucket of ['day', 'week', 'month']) {
      const res = await request(running.url)
        .get(api('/analytics/progress'))
        .query({ from, to: today, bucket })
        .set(as(learner))
        .expect(200);
      const series = res.body.series as Array<{
        periodStart: string;
        conversations: number;
        messages: number;
        scores: unknown;
      }>;
      expect(series.map((p) => p.periodStart)).toEqual([...series.map((p) => p.periodStart)].sort());
      expect(series.reduce((s, p) => s + p.conversations, 0)).toBe(conversations.length);
      expect(series.reduce((s, p) => s + p.messages, 0)).toBe(sent);
      expect(series.filter((p) => p.conversations > 0).length).toBe(2);
      for (const p of series.filter((point) => point.scores !== null)) {
        expect(Object.keys(p.scores as object)).toEqual([...SKILL_AXES]);
      }
    }
    const daily = (
      await request(running.url)
        .get(api('/analytics/progress'))
        .query({ from, to: today, bucket: 'day' })
        .set(as(learner))
    ).body;
    expect(daily.series).toHaveLength(61);
    expect(daily.series[60]).toMatchObject({ periodStart: today, conversations: conversations.length - 1 });
    expect(daily.series[60].scores).not.toBeNull();
    expect(daily.series.filter((p: { scores: unknown }) => p.scores !== null)).toHaveLength(2);

    const reversed = await request(running.url)
      .get(api('/analytics/progress'))
      .query({ from: today, to: from })
      .set(as(learner))
      .expect(400);
    expect(reversed.body.details[0].field).toBe('from');
    await request(running.url)
      .get(api('/analytics/progress'))
      .query({ from: '2000-01-01', to: today, bucket: 'day' })
      .set(as(learner))
      .expect(400);
    await request(running.url)
      .get(api('/analytics/progress'))
      .query({ bucket: 'year' })
      .set(as(learner))
      .expect(400);
    await request(running.url)
      .get(api('/analytics/progress'))
      .query({ from: '2025-02-30' })
      .set(as(learner))
      .expect(400);
  });

  it('still reports before the first analysis: totals, no scores, beginner scenarios to start with', async () => {
    const json = (
      await request(running.url)
        .get(api('/analytics/report'))
        .query({ locale: 'en' })
        .set(as(other))
        .expect(200)
    ).body;
    expect(json).toMatchObject({
      locale: 'en',
      totals: { conversations: 0, learnerMessages: 0, assessedConversations: 0, averageScores: null },
      analysis: null,
      scores: null,
      strengths: [],
      weaknesses: [],
      recommendations: [],
    });
    expect(json.recommendedScenarios.length).toBeGreaterThan(0);
    for (const s of json.recommendedScenarios) {
      expect(s).toMatchObject({
        difficulty: 'beginner',
        locale: 'en',
        sensitive: false,
        visibility: 'public',
      });
    }
    const md = await request(running.url)
      .get(api('/analytics/report'))
      .query({ format: 'md', locale: 'en' })
      .set(as(other))
      .expect(200);
    expect(md.text).toContain('No analysis yet');
    const csv = await request(running.url)
      .get(api('/analytics/report'))
      .query({ format: 'csv' })
      .set(as(other))
      .expect(200);
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows).toContain('score,empathy,,');
    expect(rows.some((r) => r.startsWith('analysis,'))).toBe(false);
    const ja = (await request(running.url).get(api('/analytics/report')).set(as(other)).expect(200)).body;
    expect(ja.locale).toBe('ja');
  });

  it('renders the report as JSON, Markdown and CSV', async () => {
    const json = (await request(running.url).get(api('/analytics/report')).set(as(learner)).expect(200)).body;
    const strengths = (await request(running.url).get(api('/analytics/strengths')).set(as(learner))).body;
    expect(json.totals).toMatchObject({
      conversations: conversations.length,
      learnerMessages: sent,
      assessedConversations: 2,
    });
    expect(json.scores).toEqual(strengths.scores);
    expect(json.strengths.map((s: { axis: string }) => s.axis)).toEqual(
      strengths.topStrengths.map((s: { axis: string }) => s.axis),
    );
    expect(json.weaknesses).toHaveLength(3);
    expect(json.recommendations).toHaveLength(3);
    expect(json.recommendedScenarios.length).toBeGreaterThan(0);
    for (const s of json.recommendedScenarios) {
      expect(s).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          slug: expect.any(String),
          title: expect.any(String),
        }),
      );
      expect(s.character).toBeUndefined();
      expect(strengths.feedback).toContain(s.title);
    }

    const md = await request(running.url)
      .get(api('/analytics/report'))
      .query({ format: 'md' })
      .set(as(learner))
      .expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toMatch(/^# Learning report/);
    expect(md.text).toContain(`- Conversations: ${conversations.length}`);
    expect(md.text).toContain('## Next steps');

    const csv = await request(running.url)
      .get(api('/analytics/report'))
      .query({ format: 'csv' })
      .set(as(learner))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('section,item,value,detail');
    expect(rows).toContain(`total,learnerMessages,${sent},`);
    expect(rows.filter((r) => r.startsWith('score,'))).toHaveLength(6);

    await request(running.url)
      .get(api('/analytics/report'))
      .query({ format: 'pdf' })
      .set(as(learner))
      .expect(400);
  });

  it("shows admins the overview and any user's analysis, and learners neither", async () => {
    const overview = (
      await request(running.url).get(api('/admin/analytics/overview')).set(as(admin)).expect(200)
    ).body;
    expect(overview).toMatchObject({
      learners: 1,
      conversations: conversations.length,
      learnerMessages: sent,
      assessedConversations: 2,
      analysedLearners: 1,
    });
    expect(overview.conversationsByMode).toEqual({ chat: conversations.length, scenario: 0, watch: 0 });
    expect(overview.analyses).toBeGreaterThanOrEqual(2);
    expect(overview.analysisJobs.failed).toBe(0);
    expect(overview.averageScores).toEqual(expect.objectContaining({ empathy: expect.any(Number) }));

    const mine = (await request(running.url).get(api('/analytics/strengths')).set(as(learner))).body;
    const seen = await request(running.url)
      .get(api(`/admin/analytics/users/${learner.id}/strengths`))
      .set(as(admin))
      .expect(200);
    expect(seen.body).toEqual(mine);
    const none = await request(running.url)
      .get(api(`/admin/analytics/users/${other.id}/strengths`))
      .set(as(admin))
      .expect(404);
    expect(none.body.code).toBe('NO_ANALYSIS');
    const unknown = await request(running.url)
      .get(api(`/admin/analytics/users/${randomUUID()}/strengths`))
      .set(as(admin))
      .expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    await request(running.url).get(api('/admin/analytics/overview')).set(as(learner)).expect(403);
    await request(running.url).get(api('/admin/analytics/overview')).expect(401);
  });

  it("deletes a learner's analyses with their account", async () => {
    const leaving = await registerUser(running);
    await practise(running, leaving, { messages: SKILLED_EN.slice(0, 1) });
    const jobId = (
      await request(running.url).post(api('/analytics/strengths/analyze')).set(as(leaving)).expect(202)
    ).body.jobId as string;
    await finished(running, leaving, jobId);
    await request(running.url)
      .get(api(`/admin/analytics/users/${leaving.id}/strengths`))
      .set(as(admin))
      .expect(200);
    await request(running.url).delete(api('/users/me')).set(as(leaving)).expect(204);
    const gone = await request(running.url)
      .get(api(`/admin/analytics/users/${leaving.id}/strengths`))
      .set(as(admin))
      .expect(404);
    expect(gone.body.code).toBe('NOT_FOUND');
    const rows = await running.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM strength_analyses WHERE user_id = $1', [leaving.id]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('makes an earlier analysis current again when the conversations go back to its input', async () => {
    const newest = (await request(running.url).get(api('/analytics/strengths')).set(as(learner)).expect(200))
      .body;
    expect(newest.id).not.toBe(first!.analysisId);
    await request(running.url)
      .delete(api(`/chat/session/${conversations[3]}`))
      .set(as(learner))
      .expect(204);
    const jobId = (
      await request(running.url).post(api('/analytics/strengths/analyze')).set(as(learner)).expect(202)
    ).body.jobId as string;
    expect(jobId).toBe(first!.jobId);
    const current = (await request(running.url).get(api('/analytics/strengths')).set(as(learner)).expect(200))
      .body;
    expect(current).toMatchObject({ id: first!.analysisId, basedOnConversations: 3 });
  });
});
