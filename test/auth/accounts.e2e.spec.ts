import request from 'supertest';
import { AccountDeletion } from '../../src/modules/auth';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser, signInAnonymously, type TestUser } from '../helpers/auth';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL, type TestDatabase } from '../helpers/database';
import { queryRows, whereValueAppears } from './support/db-scan';

const API = '/api/v1';
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

describe('accounts (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  const http = () => request(running.url);
  const me = (token: string) => http().get(`${API}/users/me`).set('Authorization', bearer(token));

  beforeAll(async () => {
    db = await createTestDatabase('accounts');
    running = await startApp({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: testRedisPrefix(),
      TRUST_PROXY: 'true',
    });
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  describe('registration', () => {
    it('creates an account, stores the email lower-case and signs in', async () => {
      const res = await http()
        .post(`${API}/auth/register`)
        .send({
          email: '  Hana.Sato@Example.COM ',
          username: 'hana_sato',
          password: 'Str0ng!pass',
          displayName: 'Hana',
        })
        .expect(201);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(JWT),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 1800,
        user: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          email: 'hana.sato@example.com',
          username: 'hana_sato',
          displayName: 'Hana',
          role: 'user',
          isAnonymous: false,
          preferences: {},
          createdAt: expect.stringMatching(/Z$/),
        },
      });
      expect(res.body.refreshToken).not.toMatch(JWT);
      await me(res.body.accessToken).expect(200);
    });

    it('refuses a taken email or username whatever their letter case', async () => {
      const taken = await registerUser(running);
      const email = await http()
        .post(`${API}/auth/register`)
        .send({ email: taken.email.toUpperCase(), username: 'someone_else', password: 'Str0ng!pass' })
        .expect(409);
      expect(email.body.code).toBe('EMAIL_TAKEN');
      const username = await http()
        .post(`${API}/auth/register`)
        .send({
          email: 'other@example.test',
          username: taken.username.toUpperCase(),
          password: 'Str0ng!pass',
        })
        .expect(409);
      expect(username.body.code).toBe('USERNAME_TAKEN');
    });

    it.each([
      ['no lower-case letter', 'STR0NG!PASS'],
      ['no upper-case letter', 'str0ng!pass'],
      ['no digit', 'Strong!pass'],
      ['no symbol', 'Str0ngpass1'],
      ['too short', 'S0!a'],
      ['too long', `Aa1!${'x'.repeat(125)}`],
    ])('rejects a password with %s and never repeats it', async (_, password) => {
      const res = await http()
        .post(`${API}/auth/register`)
        .send({ email: 'new@example.test', username: 'new_user', password })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([
        { field: 'password', messages: [expect.stringMatching(/8 to 128 characters/)] },
      ]);
      expect(JSON.stringify(res.body)).not.toContain(password);
    });

    it.each([
      ['email', { email: 'not-an-email', username: 'valid_name', password: 'Str0ng!pass' }],
      ['username', { email: 'a@example.test', username: 'ab', password: 'Str0ng!pass' }],
      ['username', { email: 'a@example.test', username: 'with space', password: 'Str0ng!pass' }],
      ['username', { email: 'a@example.test', username: 'x'.repeat(31), password: 'Str0ng!pass' }],
    ])('rejects a bad %s', async (field, body) => {
      const res = await http().post(`${API}/auth/register`).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    });
  });

  describe('sign-in', () => {
    it('accepts the email in any letter case', async () => {
      const user = await registerUser(running);
      const res = await http()
        .post(`${API}/auth/login`)
        .send({ email: user.email.toUpperCase(), password: user.password })
        .expect(200);
      expect(res.body.user.id).toBe(user.id);
      await me(res.body.accessToken).expect(200);
    });

    it('answers a wrong password and an unknown email the same way', async () => {
      const user = await registerUser(running);
      const wrong = await http()
        .post(`${API}/auth/login`)
        .send({ email: user.email, password: 'Wr0ng!pass' })
        .expect(401);
      const unknown = await http()
        .post(`${API}/auth/login`)
        .send({ email: 'nobody@example.test', password: 'Wr0ng!pass' })
        .expect(401);
      const { requestId: _a, ...wrongBody } = wrong.body;
      const { requestId: _b, ...unknownBody } = unknown.body;
      expect(wrongBody).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: expect.any(String),
      });
      expect(unknownBody).toEqual(wrongBody);
    });

    it('locks an account after 5 failures from any address, even for the right password, with rate limits off', async () => {
      expect(running.config.rateLimit.enabled).toBe(false);
      const user = await registerUser(running);
      const other = await registerUser(running);
      for (let i = 1; i <= 5; i++) {
        await http()
          .post(`${API}/auth/login`)
          .set('X-Forwarded-For', `203.0.113.${i}`)
          .send({ email: user.email, password: 'Wr0ng!pass' })
          .expect(401);
      }
      const locked = await http()
        .post(`${API}/auth/login`)
        .set('X-Forwarded-For', '198.51.100.77')
        .send({ email: user.email, password: user.password })
        .expect(429);
      expect(locked.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(900);
      // Other accounts and the tokens already issued keep working.
      await http()
        .post(`${API}/auth/login`)
        .send({ email: other.email, password: other.password })
        .expect(200);
      await me(user.accessToken).expect(200);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      const user = await registerUser(running);
      for (let i = 0; i < 4; i++)
        await http()
          .post(`${API}/auth/login`)
          .send({ email: user.email, password: 'Wr0ng!pass' })
          .expect(401);
      await http().post(`${API}/auth/login`).send({ email: user.email, password: user.password }).expect(200);
      for (let i = 0; i < 4; i++)
        await http()
          .post(`${API}/auth/login`)
          .send({ email: user.email, password: 'Wr0ng!pass' })
          .expect(401);
      await http().post(`${API}/auth/login`).send({ email: user.email, password: user.password }).expect(200);
    });
  });

  describe('anonymous accounts', () => {
    it('are made in one click with no personal data', async () => {
      const res = await http().post(`${API}/auth/anonymous`).send({}).expect(201);
      expect(res.body.user).toMatchObject({
        email: null,
        displayName: null,
        role: 'user',
        isAnonymous: true,
      });
      expect(res.body.user.username).toMatch(/^[A-Za-z0-9_-]{3,30}$/);
      await me(res.body.accessToken).expect(200);
    });

    it('upgrade to a registered account that keeps its id and data; the earlier tokens stop working', async () => {
      const guest = await signInAnonymously(running);
      await http()
        .put(`${API}/users/me`)
        .set('Authorization', bearer(guest.accessToken))
        .send({ preferences: { locale: 'ja' } })
        .expect(200);

      const res = await http()
        .post(`${API}/auth/upgrade`)
        .set('Authorization', bearer(guest.accessToken))
        .send({ email: 'Guest.Upgraded@Example.test', password: 'Upgr4de!pass', username: 'upgraded_guest' })
        .expect(200);
      expect(res.body.user).toMatchObject({
        id: guest.id,
        email: 'guest.upgraded@example.test',
        username: 'upgraded_guest',
        isAnonymous: false,
        preferences: { locale: 'ja' },
      });

      const reuse = await http()
        .post(`${API}/auth/refresh`)
        .send({ refreshToken: guest.refreshToken })
        .expect(401);
      expect(reuse.body.code).toMatch(/^(UNAUTHORIZED|TOKEN_REUSED)$/);
      await me(guest.accessToken).expect(401);
      await me(res.body.accessToken).expect(200);
      await http().post(`${API}/auth/refresh`).send({ refreshToken: res.body.refreshToken }).expect(200);
      const login = await http()
        .post(`${API}/auth/login`)
        .send({ email: 'guest.upgraded@example.test', password: 'Upgr4de!pass' })
        .expect(200);
      expect(login.body.user.id).toBe(guest.id);
    });

    it('cannot take an email in use, and a registered account cannot upgrade', async () => {
      const owner = await registerUser(running);
      const guest = await signInAnonymously(running);
      const taken = await http()
        .post(`${API}/auth/upgrade`)
        .set('Authorization', bearer(guest.accessToken))
        .send({ email: owner.email, password: 'Upgr4de!pass' })
        .expect(409);
      expect(taken.body.code).toBe('EMAIL_TAKEN');
      await me(guest.accessToken).expect(200);

      const again = await http()
        .post(`${API}/auth/upgrade`)
        .set('Authorization', bearer(owner.accessToken))
        .send({ email: 'fresh@example.test', password: 'Upgr4de!pass' })
        .expect(409);
      expect(again.body.code).toBe('ALREADY_REGISTERED');
    });
  });

  describe('the profile', () => {
    it('changes the username, display name and preferences', async () => {
      const user = await registerUser(running, { displayName: 'Before' });
      const res = await http()
        .put(`${API}/users/me`)
        .set('Authorization', bearer(user.accessToken))
        .send({
          username: `${user.username}_b`,
          displayName: 'After',
          preferences: { locale: 'en', theme: 'dark' },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        username: `${user.username}_b`,
        displayName: 'After',
        preferences: { locale: 'en', theme: 'dark' },
      });
      const cleared = await http()
        .put(`${API}/users/me`)
        .set('Authorization', bearer(user.accessToken))
        .send({ displayName: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ displayName: null, preferences: { locale: 'en', theme: 'dark' } });
      expect((await me(user.accessToken)).body).toEqual(cleared.body);
    });

    it.each([
      ['eleven keys', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))],
      ['a value over 200 characters', { note: 'x'.repeat(201) }],
      ['a value that is not a string', { count: 3 }],
      ['an array', ['ja']],
    ])('refuses preferences with %s', async (_, preferences) => {
      const user = await registerUser(running);
      const res = await http()
        .put(`${API}/users/me`)
        .set('Authorization', bearer(user.accessToken))
        .send({ preferences })
        .expect(400);
      expect(res.body.details[0].field).toBe('preferences');
    });

    it.each([['username'], ['preferences']])(
      'refuses %s: null (only displayName can be cleared)',
      async (field) => {
        const user = await registerUser(running);
        const res = await http()
          .put(`${API}/users/me`)
          .set('Authorization', bearer(user.accessToken))
          .send({ [field]: null })
          .expect(400);
        expect(res.body.details[0].field).toBe(field);
        expect((await me(user.accessToken)).body).toMatchObject({ username: user.username, preferences: {} });
      },
    );

    it('refuses a username another account has', async () => {
      const [a, b] = [await registerUser(running), await registerUser(running)];
      const res = await http()
        .put(`${API}/users/me`)
        .set('Authorization', bearer(a.accessToken))
        .send({ username: b.username.toUpperCase() })
        .expect(409);
      expect(res.body.code).toBe('USERNAME_TAKEN');
    });
  });

  describe('account deletion', () => {
    async function giveData(user: TestUser): Promise<void> {
      const auth = { Authorization: bearer(user.accessToken) };
      const started = await http()
        .post(`${API}/chat/start`)
        .set(auth)
        .send({ partnerType: 'colleague', situation: 'lunch' })
        .expect(201);
      const conversationId = started.body.conversationId as string;
      await http()
        .post(`${API}/chat/message`)
        .set(auth)
        .send({ conversationId, content: 'おはようございます' })
        .expect(201);
      await http().post(`${API}/chat/feedback`).set(auth).send({ conversationId }).expect(201);
      await http()
        .post(`${API}/scenarios`)
        .set(auth)
        .send({
          title: 'My private practice',
          description: 'Asking a senior colleague for help',
          difficulty: 'beginner',
          category: 'reporting',
          locale: 'en',
          character: {
            personality: 'busy',
            speakingStyle: 'short',
            situation: 'end of day',
            initialApproach: 'Yes?',
          },
          learningPoints: ['Be specific'],
          feedbackPoints: ['Asked clearly'],
        })
        .expect(201);
      // A second login: two refresh-token families.
      await http().post(`${API}/auth/login`).send({ email: user.email, password: user.password }).expect(200);
    }

    it('removes every row of the user in every table; the audit trail keeps only the deletion, by id', async () => {
      const user = await registerUser(running, { role: 'premium_user' });
      await giveData(user);
      expect(await whereValueAppears(db.url, user.id, ['schema_migrations'])).toEqual(
        expect.arrayContaining(['users.id', 'refresh_tokens.user_id', 'conversations.user_id']),
      );

      await http().delete(`${API}/users/me`).set('Authorization', bearer(user.accessToken)).expect(204);

      expect(await whereValueAppears(db.url, user.id, ['schema_migrations', 'audit_events'])).toEqual([]);
      expect(await whereValueAppears(db.url, user.email, ['schema_migrations'])).toEqual([]);
      expect(await whereValueAppears(db.url, user.username, ['schema_migrations'])).toEqual([]);
      const trail = await queryRows<{ action: string; actor_id: string; target_id: string }>(
        db.url,
        'SELECT action, actor_id, target_id FROM audit_events WHERE actor_id = $1 OR target_id = $1 ORDER BY created_at',
        [user.id],
      );
      expect(trail.map((e) => e.action)).toEqual(['user.role_changed', 'user.deleted']);

      await me(user.accessToken).expect(401);
      await http().post(`${API}/auth/refresh`).send({ refreshToken: user.refreshToken }).expect(401);
      await http().post(`${API}/auth/login`).send({ email: user.email, password: user.password }).expect(401);
    });

    it('runs the registered participants in its one transaction: one failure keeps everything', async () => {
      const user = await registerUser(running);
      await http().post(`${API}/auth/login`).send({ email: user.email, password: user.password }).expect(200);
      running.app.get(AccountDeletion).register(async (userId, manager) => {
        await manager.query('SELECT 1');
        if (userId === user.id) throw new Error('participant failed');
      });

      await http().delete(`${API}/users/me`).set('Authorization', bearer(user.accessToken)).expect(500);

      await me(user.accessToken).expect(200);
      const tokens = await queryRows(db.url, 'SELECT id FROM refresh_tokens WHERE user_id = $1', [user.id]);
      expect(tokens).toHaveLength(2);
      await http().post(`${API}/auth/refresh`).send({ refreshToken: user.refreshToken }).expect(200);
    });

    it('refuses to delete the last super admin', async () => {
      const rows = await queryRows<{ n: number }>(
        db.url,
        "SELECT count(*)::int AS n FROM users WHERE role = 'super_admin'",
      );
      expect(rows[0].n).toBe(0);
      const only = await registerUser(running, { role: 'super_admin' });
      const res = await http()
        .delete(`${API}/users/me`)
        .set('Authorization', bearer(only.accessToken))
        .expect(409);
      expect(res.body.code).toBe('LAST_SUPER_ADMIN');
      const second = await registerUser(running, { role: 'super_admin' });
      await http().delete(`${API}/users/me`).set('Authorization', bearer(only.accessToken)).expect(204);
      await http().delete(`${API}/users/me`).set('Authorization', bearer(second.accessToken)).expect(409);
    });
  });
});
