import { createHmac, randomUUID } from 'node:crypto';
import request from 'supertest';
import { Authenticator } from '../../src/modules/auth';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';

const API = '/api/v1';
const SECRET = 'tokens-spec-secret-that-is-long-enough-for-hs256';
const b64 = (value: object | string): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT written by hand, so each test can break exactly one thing. */
function jwt(payload: Record<string, unknown>, options: { secret?: string; alg?: string } = {}): string {
  const alg = options.alg ?? 'HS256';
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  if (alg === 'none') return `${head}.`;
  return `${head}.${createHmac('sha256', options.secret ?? SECRET)
    .update(head)
    .digest('base64url')}`;
}

const decode = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('tokens (two instances sharing PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;

  const me = (app: RunningApp, token: string) =>
    request(app.url).get(`${API}/users/me`).set('Authorization', bearer(token));
  const refresh = (app: RunningApp, refreshToken: string) =>
    request(app.url).post(`${API}/auth/refresh`).send({ refreshToken });

  beforeAll(async () => {
    db = await createTestDatabase('tokens');
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: testRedisPrefix(),
      JWT_SECRET: SECRET,
    };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  describe('refresh', () => {
    it('rotates: a new refresh token each time, and the old one stops working', async () => {
      const user = await registerUser(a);
      const first = await refresh(a, user.refreshToken).expect(200);
      expect(first.body.refreshToken).not.toBe(user.refreshToken);
      expect(first.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 1800, user: { id: user.id } });
      await me(b, first.body.accessToken).expect(200);
      const second = await refresh(b, first.body.refreshToken).expect(200);
      await me(a, second.body.accessToken).expect(200);
    });

    it('ends the whole login when a rotated token is presented again (TOKEN_REUSED)', async () => {
      const user = await registerUser(a);
      const other = await request(a.url)
        .post(`${API}/auth/login`)
        .send({ email: user.email, password: user.password })
        .expect(200);
      const rotated = await refresh(a, user.refreshToken).expect(200);

      const reuse = await refresh(b, user.refreshToken).expect(401);
      expect(reuse.body).toMatchObject({ statusCode: 401, code: 'TOKEN_REUSED' });

      // Every token of that login is dead, on both instances; the other login lives on.
      await refresh(a, rotated.body.refreshToken).expect(401);
      await me(a, rotated.body.accessToken).expect(401);
      await me(b, user.accessToken).expect(401);
      await me(b, other.body.accessToken).expect(200);
      await refresh(b, other.body.refreshToken).expect(200);
    });

    it('refuses unknown refresh tokens and access tokens presented as refresh tokens', async () => {
      const user = await registerUser(a);
      const unknown = await refresh(a, 'not-a-refresh-token').expect(401);
      expect(unknown.body.code).toBe('UNAUTHORIZED');
      await refresh(a, user.accessToken).expect(401);
      await me(a, user.refreshToken).expect(401);
    });
  });

  describe('logout', () => {
    it('kills the access token at once on every instance, and the refresh token', async () => {
      const user = await registerUser(a);
      await me(b, user.accessToken).expect(200);
      await request(a.url)
        .post(`${API}/auth/logout`)
        .set('Authorization', bearer(user.accessToken))
        .send({ refreshToken: user.refreshToken })
        .expect(204);
      await me(a, user.accessToken).expect(401);
      await me(b, user.accessToken).expect(401);
      await refresh(b, user.refreshToken).expect(401);
    });

    it('ends the login of the access token even without a refresh token, and no other login', async () => {
      const user = await registerUser(a);
      const other = await request(a.url)
        .post(`${API}/auth/login`)
        .send({ email: user.email, password: user.password })
        .expect(200);
      await request(b.url)
        .post(`${API}/auth/logout`)
        .set('Authorization', bearer(user.accessToken))
        .expect(204);
      await refresh(a, user.refreshToken).expect(401);
      await me(a, other.body.accessToken).expect(200);
    });

    it('ignores a refresh token that belongs to someone else', async () => {
      const [alice, bob] = [await registerUser(a), await registerUser(a)];
      await request(a.url)
        .post(`${API}/auth/logout`)
        .set('Authorization', bearer(alice.accessToken))
        .send({ refreshToken: bob.refreshToken })
        .expect(204);
      await refresh(a, bob.refreshToken).expect(200);
    });
  });

  describe('access tokens that must be refused', () => {
    let user: Awaited<ReturnType<typeof registerUser>>;
    let claims: Record<string, unknown>;

    beforeAll(async () => {
      user = await registerUser(a);
      claims = decode(user.accessToken);
    });

    it('accepts the genuine token and a hand-made copy of its claims (the forging below is sound)', async () => {
      await me(a, user.accessToken).expect(200);
      await me(a, jwt(claims)).expect(200);
    });

    it.each<[string, () => string]>([
      [
        'tampered',
        () => {
          const [h, , s] = user.accessToken.split('.');
          return `${h}.${b64({ ...claims, sub: randomUUID() })}.${s}`;
        },
      ],
      [
        'expired',
        () =>
          jwt({
            ...claims,
            iat: Math.floor(Date.now() / 1000) - 7200,
            exp: Math.floor(Date.now() / 1000) - 3600,
          }),
      ],
      ['alg: none', () => jwt(claims, { alg: 'none' })],
      [
        'signed with another secret',
        () => jwt(claims, { secret: 'another-secret-that-is-long-enough-for-hs256!!' }),
      ],
      ['of another type', () => jwt({ ...claims, typ: 'refresh' })],
      ['without a type', () => jwt({ ...claims, typ: undefined })],
      ['from another issuer', () => jwt({ ...claims, iss: 'someone-else' })],
      ['for another audience', () => jwt({ ...claims, aud: 'another-api' })],
      [
        'signed with HS512',
        () => {
          const head = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}`;
          return `${head}.${createHmac('sha512', SECRET).update(head).digest('base64url')}`;
        },
      ],
      ['garbage', () => 'not.a.jwt'],
    ])('refuses a token that is %s with 401', async (_, make) => {
      const res = await me(a, make()).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    });

    it('refuses a malformed Authorization header', async () => {
      await request(a.url).get(`${API}/users/me`).set('Authorization', user.accessToken).expect(401);
      await request(a.url)
        .get(`${API}/users/me`)
        .set('Authorization', `Basic ${user.accessToken}`)
        .expect(401);
    });
  });

  describe('the verifier the socket gateways use', () => {
    it('answers the principal of a valid token and refuses revoked or forged ones', async () => {
      const user = await registerUser(a, { role: 'premium_user' });
      const verifier = b.app.get(Authenticator);
      await expect(verifier.verifyAccessToken(user.accessToken)).resolves.toMatchObject({
        userId: user.id,
        role: 'premium_user',
        isAnonymous: false,
        tokenExpiresAt: expect.any(Number),
      });
      await expect(
        verifier.verifyAccessToken(jwt({ ...decode(user.accessToken), typ: 'refresh' })),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await request(a.url)
        .post(`${API}/auth/logout`)
        .set('Authorization', bearer(user.accessToken))
        .expect(204);
      await expect(verifier.verifyAccessToken(user.accessToken)).rejects.toMatchObject({
        kind: 'unauthorized',
      });
    });
  });
});
