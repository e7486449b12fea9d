import request from 'supertest';
import type { RunningApp } from '../helpers/app';
import { bearer, registerUser, signInAnonymously } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startProbeApp } from './support/probe-app';

const API = '/api/v1';

describe('the global guards on routes of any module', () => {
  let db: TestDatabase;
  let app: RunningApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('guards');
    app = await startProbeApp({ DATABASE_URL: db.url });
    tokens.anonymous = (await signInAnonymously(app)).accessToken;
    for (const role of ['user', 'premium_user', 'admin', 'super_admin'] as const)
      tokens[role] = (await registerUser(app, { role })).accessToken;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = (path: string, token?: string) => {
    const req = request(app.url).get(`${API}/probe/${path}`);
    return token ? req.set('Authorization', bearer(token)) : req;
  };

  it('refuses a route that declares nothing to everyone, super admins included', async () => {
    expect((await get('undeclared').expect(401)).body.code).toBe('UNAUTHORIZED');
    for (const token of Object.values(tokens))
      expect((await get('undeclared', token).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('opens @Public() routes to anyone and @Authenticated() routes to any signed-in account', async () => {
    await get('public').expect(200);
    await get('public', 'not-even-a-token').expect(200);
    await get('signed-in').expect(401);
    for (const token of Object.values(tokens)) await get('signed-in', token).expect(200);
  });

  it('lets through only the roles that hold the permission', async () => {
    await get('manage').expect(401);
    for (const who of ['anonymous', 'user', 'premium_user', 'admin'])
      await get('manage', tokens[who]).expect(403);
    await get('manage', tokens.super_admin).expect(200);
  });
});
