import request from 'supertest';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { createUserCommand } from '../../src/modules/auth';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';

const API = '/api/v1';

describe('admin routes (two instances sharing PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase('admin');
    const env = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: testRedisPrefix() };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  const as = (app: RunningApp, token: string) => ({
    get: (path: string) => request(app.url).get(`${API}${path}`).set('Authorization', bearer(token)),
    patch: (path: string, body: object) =>
      request(app.url).patch(`${API}${path}`).set('Authorization', bearer(token)).send(body),
  });

  it('lists accounts with a search text, a role filter and real totals', async () => {
    const admin = await registerUser(a, { role: 'admin' });
    const tag = `zq${Date.now().toString(36)}`;
    for (let i = 0; i < 3; i++)
      await registerUser(a, { username: `${tag}_${i}`, role: i === 0 ? 'premium_user' : undefined });

    const page1 = await as(a, admin.accessToken)
      .get(`/admin/users?q=${tag.toUpperCase()}&limit=2&page=1`)
      .expect(200);
    expect(page1.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await as(a, admin.accessToken).get(`/admin/users?q=${tag}&limit=2&page=2`).expect(200);
    expect(page2.body.items).toHaveLength(1);
    const all = [...page1.body.items, ...page2.body.items]
      .map((u: { username: string }) => u.username)
      .sort();
    expect(all).toEqual([`${tag}_0`, `${tag}_1`, `${tag}_2`]);
    expect(Object.keys(page1.body.items[0]).sort()).toEqual(
      ['createdAt', 'displayName', 'email', 'id', 'isAnonymous', 'preferences', 'role', 'username'].sort(),
    );

    const premium = await as(a, admin.accessToken).get(`/admin/users?q=${tag}&role=premium_user`).expect(200);
    expect(premium.body).toMatchObject({ total: 1, items: [{ username: `${tag}_0`, role: 'premium_user' }] });
    await as(a, admin.accessToken).get('/admin/users?role=owner').expect(400);
    await as(a, admin.accessToken).get('/admin/users?limit=101').expect(400);
    await as(a, admin.accessToken).get('/admin/users?q=%25_').expect(200);
  });

  it('lets only super admins change roles, and applies a demotion on the next request on any instance', async () => {
    const root = await registerUser(a, { role: 'super_admin' });
    const admin = await registerUser(a, { role: 'admin' });
    await as(b, admin.accessToken).get('/admin/users').expect(200);

    await as(a, admin.accessToken)
      .patch(`/admin/users/${admin.id}/role`, { role: 'super_admin' })
      .expect(403);
    const demoted = await as(a, root.accessToken)
      .patch(`/admin/users/${admin.id}/role`, { role: 'user' })
      .expect(200);
    expect(demoted.body).toMatchObject({ id: admin.id, role: 'user' });

    await as(b, admin.accessToken).get('/admin/users').expect(403);
    await as(a, admin.accessToken).get('/admin/users').expect(403);
    expect((await as(b, admin.accessToken).get('/users/me').expect(200)).body.role).toBe('user');

    await as(a, root.accessToken).patch(`/admin/users/${admin.id}/role`, { role: 'admin' }).expect(200);
    await as(b, admin.accessToken).get('/admin/users').expect(200);
  });

  it('validates the target and the role', async () => {
    const root = await registerUser(a, { role: 'super_admin' });
    await as(a, root.accessToken).patch('/admin/users/not-a-uuid/role', { role: 'user' }).expect(400);
    await as(a, root.accessToken).patch(`/admin/users/${root.id}/role`, { role: 'owner' }).expect(400);
    const missing = await as(a, root.accessToken)
      .patch('/admin/users/00000000-0000-4000-8000-000000000000/role', { role: 'user' })
      .expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('never leaves the service without a super admin (409 LAST_SUPER_ADMIN)', async () => {
    const last = await registerUser(a, { role: 'super_admin' });
    const supers = await as(a, last.accessToken).get('/admin/users?role=super_admin&limit=100').expect(200);
    const others = (supers.body.items as { id: string }[]).filter((u) => u.id !== last.id);
    for (const { id } of others)
      await as(a, last.accessToken).patch(`/admin/users/${id}/role`, { role: 'admin' }).expect(200);
    const res = await as(a, last.accessToken)
      .patch(`/admin/users/${last.id}/role`, { role: 'admin' })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'LAST_SUPER_ADMIN' });
    expect((await as(a, last.accessToken).get('/users/me').expect(200)).body.role).toBe('super_admin');
  });

  it('keeps an audit trail of role changes and deletions that admins can read', async () => {
    const root = await registerUser(a, { role: 'super_admin' });
    const admin = await registerUser(a, { role: 'admin' });
    const target = await registerUser(a);
    await as(a, root.accessToken)
      .patch(`/admin/users/${target.id}/role`, { role: 'premium_user' })
      .expect(200);
    await request(a.url)
      .delete(`${API}/users/me`)
      .set('Authorization', bearer(target.accessToken))
      .expect(204);

    const trail = await as(b, admin.accessToken).get(`/admin/audit-events?targetId=${target.id}`).expect(200);
    expect(trail.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(trail.body.items).toEqual([
      {
        id: expect.any(String),
        actorId: target.id,
        action: 'user.deleted',
        targetType: 'user',
        targetId: target.id,
        details: { role: 'premium_user' },
        createdAt: expect.stringMatching(/Z$/),
      },
      expect.objectContaining({
        actorId: root.id,
        action: 'user.role_changed',
        details: { from: 'user', to: 'premium_user' },
      }),
    ]);
    const byAction = await as(a, admin.accessToken)
      .get(`/admin/audit-events?action=user.role_changed&actorId=${root.id}`)
      .expect(200);
    expect(byAction.body.items.map((e: { targetId: string }) => e.targetId)).toEqual([target.id]);
    const user = await registerUser(a, { role: 'premium_user' });
    await as(a, user.accessToken).get('/admin/audit-events').expect(403);
  });

  it('creates accounts of any role from the operator command, on the audit trail', async () => {
    const context = await NestFactory.createApplicationContext(AppModule.forRoot(a.config), {
      logger: false,
    });
    const lines: string[] = [];
    const output = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    try {
      const args = [
        '--email',
        'Ops.Admin@Example.test',
        '--username',
        'ops_admin',
        '--password',
        'Op3rator!pass',
        '--role',
        'admin',
      ];
      await expect(createUserCommand.run(context, args, output)).resolves.toBe(0);
      await expect(createUserCommand.run(context, args, output)).resolves.toBe(1);
      await expect(
        createUserCommand.run(context, [...args.slice(0, 5), 'weak', '--role', 'admin'], output),
      ).resolves.toBe(2);
      await expect(createUserCommand.run(context, [...args.slice(0, 7), 'owner'], output)).resolves.toBe(2);
      await expect(createUserCommand.run(context, ['--email'], output)).resolves.toBe(2);
    } finally {
      await context.close();
    }
    expect(lines[0]).toMatch(/^created admin ops_admin <ops\.admin@example\.test> id [0-9a-f-]{36}$/);
    expect(lines.some((l) => l.startsWith('ERR EMAIL_TAKEN'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/Op3rator!pass|weak/);

    const login = await request(a.url)
      .post(`${API}/auth/login`)
      .send({ email: 'ops.admin@example.test', password: 'Op3rator!pass' })
      .expect(200);
    expect(login.body.user.role).toBe('admin');
    const trail = await as(a, login.body.accessToken)
      .get(`/admin/audit-events?action=user.created&targetId=${login.body.user.id}`)
      .expect(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({ actorId: null, details: { role: 'admin' } }),
    ]);
  });
});
