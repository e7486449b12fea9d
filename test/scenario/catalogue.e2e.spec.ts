import request from 'supertest';
import { LibrarySeed } from '../../src/modules/scenario/seed/library-seed';
import { loadLibrary, resolveLibraryDir } from '../../src/modules/scenario/seed/library-files';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';

interface Summary {
  id: string;
  slug: string;
  title: string;
  description: string;
  difficulty: string;
  category: string;
  tags: string[];
  locale: string;
  sensitive: boolean;
}

const library = loadLibrary(resolveLibraryDir());

describe('scenario catalogue (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let token: string;

  const list = async (query: Record<string, string | number> = {}) => {
    const res = await request(running.url)
      .get('/api/v1/scenarios')
      .query(query)
      .set('Authorization', bearer(token));
    expect(res.status).toBe(200);
    return res.body as { items: Summary[]; total: number; page: number; limit: number };
  };

  beforeAll(async () => {
    db = await createTestDatabase('scenarios');
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: testRedisPrefix(),
    });
    token = (await registerUser(running)).accessToken;
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('serves the whole built-in library after a fresh start', async () => {
    const page = await list({ limit: 100 });
    expect(page.total).toBe(library.length);
    expect(page.items.map((s) => s.slug).sort()).toEqual(library.map((s) => s.slug).sort());
    expect(page.items[0]).not.toHaveProperty('character');
  });

  it('answers a scenario by slug and by id, with its character', async () => {
    const bySlug = await request(running.url)
      .get('/api/v1/scenarios/escalate-production-risk')
      .set('Authorization', bearer(token))
      .expect(200);
    expect(bySlug.body).toMatchObject({
      slug: 'escalate-production-risk',
      difficulty: 'advanced',
      category: 'reporting',
      locale: 'ja',
      visibility: 'public',
      createdBy: null,
      character: { name: '吉田 部長', initialApproach: expect.any(String) },
    });
    const byId = await request(running.url)
      .get(`/api/v1/scenarios/${bySlug.body.id}`)
      .set('Authorization', bearer(token))
      .expect(200);
    expect(byId.body).toEqual(bySlug.body);
    const missing = await request(running.url)
      .get('/api/v1/scenarios/00000000-0000-4000-8000-000000000000')
      .set('Authorization', bearer(token));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('filters by difficulty, category, locale and tag, each alone and together', async () => {
    const count = (pred: (s: (typeof library)[number]['content']) => boolean) =>
      library.filter((s) => pred(s.content)).length;

    const advanced = await list({ difficulty: 'advanced', limit: 100 });
    expect(advanced.total).toBe(count((s) => s.difficulty === 'advanced'));
    expect(advanced.items.every((s) => s.difficulty === 'advanced')).toBe(true);

    const harassment = await list({ category: 'harassment-prevention', limit: 100 });
    expect(harassment.total).toBe(count((s) => s.category === 'harassment-prevention'));
    expect(harassment.items.every((s) => s.sensitive)).toBe(true);

    const english = await list({ locale: 'en', limit: 100 });
    expect(english.total).toBe(count((s) => s.locale === 'en'));

    const tagged = await list({ tag: '雑談', limit: 100 });
    expect(tagged.total).toBe(count((s) => s.tags.includes('雑談')));
    expect(tagged.total).toBeGreaterThan(0);

    const combined = await list({ category: 'customer', locale: 'ja', difficulty: 'intermediate' });
    expect(combined.items.map((s) => s.slug).sort()).toEqual(
      library
        .filter((s) => s.content.category === 'customer' && s.content.locale === 'ja')
        .filter((s) => s.content.difficulty === 'intermediate')
        .map((s) => s.slug)
        .sort(),
    );
  });

  it('finds Japanese words inside descriptions, titles and tags', async () => {
    // A word from the middle of one description, with no spaces around it.
    const inDescription = await list({ q: '二重に登録' });
    expect(inDescription.items.map((s) => s.slug)).toEqual(['escalate-production-risk']);

    const inTitle = await list({ q: 'エレベーター' });
    expect(inTitle.items.map((s) => s.slug)).toEqual(['elevator-with-director']);

    const inTag = await list({ q: 'マタハラ' });
    expect(inTag.items.map((s) => s.slug)).toEqual(['childcare-shorter-hours-request']);

    const english = await list({ q: 'STAND-UP' });
    expect(english.items.map((s) => s.slug)).toEqual(['standup-update-en']);
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    const percent = await list({ q: '%', limit: 100 });
    const withPercent = library.filter((s) =>
      `${s.content.title}${s.content.description}${s.content.tags.join('')}`.includes('%'),
    );
    expect(percent.items.map((s) => s.slug).sort()).toEqual(withPercent.map((s) => s.slug).sort());
    expect(percent.total).toBeLessThan(library.length);
    expect((await list({ q: '_' })).total).toBe(0);
  });

  it('pages with a real total and a stable order', async () => {
    const all = await list({ limit: 100 });
    const first = await list({ page: 1, limit: 5 });
    const second = await list({ page: 2, limit: 5 });
    expect(first).toMatchObject({ total: library.length, page: 1, limit: 5 });
    expect(first.items).toHaveLength(5);
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual(
      all.items.slice(0, 10).map((s) => s.id),
    );
    const beyond = await list({ page: 100, limit: 5 });
    expect(beyond).toMatchObject({ items: [], total: library.length });
    const ranks = all.items.map((s) => ['beginner', 'intermediate', 'advanced'].indexOf(s.difficulty));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('rejects bad list parameters', async () => {
    for (const query of [
      { limit: 101 },
      { page: 0 },
      { difficulty: 'easy' },
      { category: 'x'.repeat(51) },
      { locale: 'fr' },
    ]) {
      const res = await request(running.url)
        .get('/api/v1/scenarios')
        .query(query)
        .set('Authorization', bearer(token));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers a category no scenario has with an empty list', async () => {
    const res = await request(running.url)
      .get('/api/v1/scenarios')
      .query({ category: 'no-such-category' })
      .set('Authorization', bearer(token))
      .expect(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('requires authentication', async () => {
    await request(running.url).get('/api/v1/scenarios').expect(401);
    await request(running.url).get('/api/v1/scenarios/escalate-production-risk').expect(401);
  });

  it('re-seeds idempotently: unchanged files change nothing, an edited file updates its row', async () => {
    const seed = running.app.get(LibrarySeed);
    await expect(seed.seed(library)).resolves.toEqual({ created: 0, updated: 0, unchanged: library.length });

    const [first, ...rest] = library;
    const edited = { ...first, content: { ...first.content, title: `${first.content.title}（改訂版）` } };
    await expect(seed.seed([edited, ...rest])).resolves.toEqual({
      created: 0,
      updated: 1,
      unchanged: rest.length,
    });
    const res = await request(running.url)
      .get(`/api/v1/scenarios/${first.slug}`)
      .set('Authorization', bearer(token))
      .expect(200);
    expect(res.body.title).toBe(edited.content.title);
    expect((await list({ limit: 1 })).total).toBe(library.length);

    await expect(seed.seed(library)).resolves.toMatchObject({ updated: 1 });
  });

  it('creates a new built-in scenario once when two instances seed it at the same time', async () => {
    const [first] = library;
    const added = { ...first, name: 'added-by-release', slug: 'added-by-release' };
    const seed = running.app.get(LibrarySeed);
    const results = await Promise.all([seed.seed([added]), seed.seed([added])]);
    expect(results.map((r) => r.created).sort()).toEqual([0, 1]);
    expect((await list({ limit: 1 })).total).toBe(library.length + 1);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = await request(running.url).get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths['/api/v1/scenarios']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.body.paths['/api/v1/scenarios/{idOrSlug}'])).toEqual(['get']);
    expect(Object.keys(doc.body.paths['/api/v1/scenarios/{id}']).sort()).toEqual(['delete', 'patch']);
    expect(doc.body.components.schemas.ScenarioDto.properties.character).toBeDefined();
  });
});
