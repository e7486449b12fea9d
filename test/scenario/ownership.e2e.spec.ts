import request from 'supertest';
import type { Principal } from '../../src/modules/auth';
import { ScenarioService } from '../../src/modules/scenario';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: '新しい取引先への初回訪問',
  description: '初めて訪問する取引先で、担当者に自社を紹介する練習です。',
  difficulty: 'beginner',
  category: 'customer',
  locale: 'ja',
  tags: ['初回訪問'],
  character: {
    name: '西田 様',
    personality: '慎重で、最初は口数が少ない購買担当。',
    speakingStyle: '丁寧な敬語。',
    situation: '先方の応接室、約束の時刻ちょうど。',
    initialApproach: '本日はお越しいただきありがとうございます。',
  },
  learningPoints: ['自社を30秒で紹介する'],
  feedbackPoints: ['紹介が簡潔だったか'],
  ...overrides,
});

describe('scenario authoring and ownership (real PostgreSQL)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let user: TestUser;
  let premium: TestUser;
  let otherPremium: TestUser;
  let admin: TestUser;

  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, who: TestUser) =>
    request(running.url)[method](`/api/v1${path}`).set('Authorization', bearer(who.accessToken));
  const create = (who: TestUser, body: Record<string, unknown> = draft()) =>
    api('post', '/scenarios', who).send(body);
  const slugsSeenBy = async (who: TestUser, query: Record<string, string> = {}) => {
    const res = await api('get', '/scenarios', who)
      .query({ limit: 100, ...query })
      .expect(200);
    return (res.body.items as { slug: string }[]).map((s) => s.slug);
  };

  beforeAll(async () => {
    db = await createTestDatabase('scenario_owners');
    running = await startApp({ DATABASE_URL: db.url });
    [user, premium, otherPremium, admin] = await Promise.all([
      registerUser(running),
      registerUser(running, { role: 'premium_user' }),
      registerUser(running, { role: 'premium_user' }),
      registerUser(running, { role: 'admin' }),
    ]);
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('refuses creation to a plain user', async () => {
    const res = await create(user);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('lets a premium user create a private scenario, with a slug made from a Japanese title', async () => {
    const res = await create(premium).expect(201);
    expect(res.body).toMatchObject({
      slug: '新しい取引先への初回訪問',
      visibility: 'private',
      createdBy: premium.id,
      sensitive: false,
      roleType: 'standard',
      aiRole: '',
      character: { name: '西田 様' },
    });
    const again = await create(premium).expect(201);
    expect(again.body.slug).toBe('新しい取引先への初回訪問-2');

    const fetched = await api('get', `/scenarios/${encodeURIComponent(res.body.slug)}`, premium).expect(200);
    expect(fetched.body.id).toBe(res.body.id);
  });

  it('keeps private scenarios invisible (404) to other users and lists them for their creator and admins', async () => {
    const mine = (await create(premium, draft({ slug: 'premium-private-one' })).expect(201)).body;
    for (const other of [user, otherPremium]) {
      const res = await api('get', `/scenarios/${mine.id}`, other);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await api('get', '/scenarios/premium-private-one', other).expect(404);
      expect(await slugsSeenBy(other, { category: 'customer' })).not.toContain('premium-private-one');
      await api('patch', `/scenarios/${mine.id}`, other).send({ title: 'x' }).expect(404);
      await api('delete', `/scenarios/${mine.id}`, other).expect(404);
    }
    expect(await slugsSeenBy(premium, { category: 'customer' })).toContain('premium-private-one');
    expect(await slugsSeenBy(admin, { category: 'customer' })).toContain('premium-private-one');
    await api('get', `/scenarios/${mine.id}`, admin).expect(200);
  });

  it('lets the creator edit their own scenario, merging character fields', async () => {
    const mine = (await create(premium, draft({ slug: 'premium-editable' })).expect(201)).body;
    const res = await api('patch', `/scenarios/${mine.id}`, premium)
      .send({ title: '改訂した題名', tags: ['改訂'], character: { speakingStyle: 'くだけた敬語。' } })
      .expect(200);
    expect(res.body).toMatchObject({
      title: '改訂した題名',
      tags: ['改訂'],
      slug: 'premium-editable',
      character: {
        name: '西田 様',
        speakingStyle: 'くだけた敬語。',
        personality: mine.character.personality,
      },
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(mine.updatedAt));
  });

  it("accepts a category of the author's own, and finds the scenario by it", async () => {
    const mine = (await create(premium, draft({ category: 'onboarding', slug: 'own-category' })).expect(201))
      .body;
    expect(mine.category).toBe('onboarding');
    const found = await api('get', '/scenarios?category=onboarding', premium).expect(200);
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([mine.id]);
  });

  it('refuses null or a non-object character in an edit, changing nothing', async () => {
    const mine = (await create(premium, draft({ slug: 'null-edits' })).expect(201)).body;
    for (const patch of [
      { title: null },
      { learningPoints: null },
      { character: null },
      { character: [] },
      { character: { personality: null } },
      { tags: null },
    ]) {
      const res = await api('patch', `/scenarios/${mine.id}`, premium).send(patch);
      expect([res.status, res.body.code, patch]).toEqual([400, 'VALIDATION_FAILED', patch]);
    }
    await api('get', `/scenarios/${mine.id}`, premium).expect(200, mine);
  });

  it('forbids a premium user to edit or delete a scenario they did not create (403 when visible)', async () => {
    const builtin = await api('get', '/scenarios/clarify-vague-request', premium).expect(200);
    const patch = await api('patch', `/scenarios/${builtin.body.id}`, premium).send({ title: 'x' });
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('FORBIDDEN');
    await api('delete', `/scenarios/${builtin.body.id}`, premium).expect(403);
    await api('get', '/scenarios/clarify-vague-request', premium).expect(200, builtin.body);
  });

  it('allows only admins to make a scenario public', async () => {
    const createPublic = await create(premium, draft({ visibility: 'public' }));
    expect(createPublic.status).toBe(403);
    const mine = (await create(premium, draft({ slug: 'stays-private' })).expect(201)).body;
    await api('patch', `/scenarios/${mine.id}`, premium).send({ visibility: 'public' }).expect(403);
    await api('get', `/scenarios/${mine.id}`, user).expect(404);

    const published = await create(admin, draft({ slug: 'published-by-admin', visibility: 'public' })).expect(
      201,
    );
    expect(published.body.visibility).toBe('public');
    await api('get', '/scenarios/published-by-admin', user).expect(200);
    await api('patch', `/scenarios/${mine.id}`, admin).send({ visibility: 'public' }).expect(200);
    await api('get', `/scenarios/${mine.id}`, user).expect(200);
  });

  it('lets an admin edit and delete any scenario; deleted ones disappear but keep their slug', async () => {
    const builtin = (await api('get', '/scenarios/lunch-with-new-team', admin).expect(200)).body;
    const edited = await api('patch', `/scenarios/${builtin.id}`, admin)
      .send({ difficulty: 'intermediate' })
      .expect(200);
    expect(edited.body.difficulty).toBe('intermediate');

    const others = (await create(otherPremium, draft({ slug: 'other-premium-private' })).expect(201)).body;
    await api('patch', `/scenarios/${others.id}`, admin).send({ title: '管理者が直した' }).expect(200);
    await api('delete', `/scenarios/${others.id}`, admin).expect(204);
    await api('get', `/scenarios/${others.id}`, otherPremium).expect(404);
    await api('delete', `/scenarios/${builtin.id}`, admin).expect(204);
    await api('get', '/scenarios/lunch-with-new-team', user).expect(404);
    expect(await slugsSeenBy(admin, { category: 'small-talk' })).not.toContain('lunch-with-new-team');

    const reuse = await create(premium, draft({ slug: 'other-premium-private' }));
    expect(reuse.status).toBe(409);
    expect(reuse.body.code).toBe('SLUG_TAKEN');
  });

  it('lets the creator delete their own scenario, which then cannot be started', async () => {
    const mine = (await create(premium, draft({ slug: 'to-be-deleted' })).expect(201)).body;
    const principal = { userId: premium.id, role: 'premium_user' } as Principal;
    const scenarios = running.app.get(ScenarioService);
    await expect(scenarios.getForConversation('to-be-deleted', principal)).resolves.toMatchObject({
      id: mine.id,
    });
    await api('delete', `/scenarios/${mine.id}`, premium).expect(204);
    await expect(scenarios.getForConversation(mine.id, principal)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await api('delete', `/scenarios/${mine.id}`, premium).expect(404);
  });

  it('answers 409 SLUG_TAKEN for an explicit slug in use, on create and on update', async () => {
    const res = await create(premium, draft({ slug: 'escalate-production-risk' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SLUG_TAKEN');
    const mine = (await create(premium, draft({ slug: 'renamable' })).expect(201)).body;
    await api('patch', `/scenarios/${mine.id}`, premium)
      .send({ slug: 'escalate-production-risk' })
      .expect(409);
    const renamed = await api('patch', `/scenarios/${mine.id}`, premium)
      .send({ slug: '改名済み' })
      .expect(200);
    expect(renamed.body.slug).toBe('改名済み');
  });

  it('marks harassment-prevention scenarios sensitive whatever the request says', async () => {
    const res = await create(premium, draft({ category: 'harassment-prevention', sensitive: false })).expect(
      201,
    );
    expect(res.body.sensitive).toBe(true);
  });

  it("removes a deleted account's private scenarios and keeps its published ones without a creator", async () => {
    const leaving = await registerUser(running, { role: 'premium_user' });
    const secret = (await create(leaving, draft({ slug: 'leaving-private' })).expect(201)).body;
    const shared = (await create(leaving, draft({ slug: 'leaving-shared' })).expect(201)).body;
    await api('patch', `/scenarios/${shared.id}`, admin).send({ visibility: 'public' }).expect(200);

    await api('delete', '/users/me', leaving).expect(204);

    await api('get', `/scenarios/${secret.id}`, admin).expect(404);
    const kept = await api('get', `/scenarios/${shared.id}`, user).expect(200);
    expect(kept.body.createdBy).toBeNull();
  });

  it('validates the body of a new scenario', async () => {
    const invalid = [
      draft({ character: undefined }),
      draft({ character: { personality: 'p', speakingStyle: 's', situation: 's' } }),
      draft({ learningPoints: [] }),
      draft({ feedbackPoints: ['1', '2', '3', '4', '5', '6'] }),
      draft({ title: '   ' }),
      draft({ slug: 'Not A Slug' }),
      draft({ slug: '123e4567-e89b-12d3-a456-426614174000' }),
      draft({ category: '  ' }),
      draft({ category: 'x'.repeat(51) }),
      draft({ character: [] }),
      draft({ character: [{ personality: 'p', speakingStyle: 's', situation: 's', initialApproach: 'i' }] }),
      draft({ tags: null }),
      draft({ slug: null }),
      draft({ createdBy: user.id }),
    ];
    for (const body of invalid) {
      const res = await create(premium, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
