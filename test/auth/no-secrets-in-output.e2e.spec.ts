import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { AccountDeletion } from '../../src/modules/auth';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { queryRows } from './support/db-scan';
import { captureOutput } from './support/log-capture';

const API = '/api/v1';
const TOKEN_FIELDS = ['accessToken', 'refreshToken'];

/** A response as text, leaving out the tokens a sign-in answer hands out on purpose. */
function responseText(res: request.Response): string {
  const body =
    res.body && typeof res.body === 'object' ? { ...(res.body as Record<string, unknown>) } : res.text;
  if (body && typeof body === 'object') for (const field of TOKEN_FIELDS) delete body[field];
  return `${JSON.stringify(res.headers)}\n${typeof body === 'string' ? body : JSON.stringify(body)}`;
}

describe('no password, password hash or token in any response or log line', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let output: ReturnType<typeof captureOutput>;

  beforeAll(async () => {
    db = await createTestDatabase('noleaks');
  });
  afterAll(async () => {
    output?.stop();
    await running?.close();
    await db?.drop();
  });

  it('holds through a whole account life, with every log level on', async () => {
    output = captureOutput();
    running = await startApp({
      DATABASE_URL: db.url,
      NODE_ENV: 'development',
      JWT_SECRET: undefined,
      LOG_LEVEL: 'trace',
    });
    const secrets = new Set<string>();
    const responses: string[] = [];
    const http = async (req: request.Test): Promise<request.Response> => {
      const res = await req;
      responses.push(responseText(res));
      for (const field of TOKEN_FIELDS)
        if (typeof res.body?.[field] === 'string') secrets.add(res.body[field]);
      return res;
    };

    const password = 'Le4k-Check!pass';
    const user = await registerUser(running, { password, role: 'admin' });
    [user.password, user.accessToken, user.refreshToken].forEach((s) => secrets.add(s));
    const weak = 'weakpassword-value';
    secrets.add(weak);
    await http(
      request(running.url)
        .post(`${API}/auth/register`)
        .send({ email: 'x@example.test', username: 'leak_x', password: weak }),
    );
    await http(
      request(running.url)
        .post(`${API}/auth/login`)
        .send({ email: user.email, password: 'Wr0ng!guess-value' }),
    );
    secrets.add('Wr0ng!guess-value');
    const login = await http(
      request(running.url).post(`${API}/auth/login`).send({ email: user.email, password }),
    );
    await http(request(running.url).post(`${API}/auth/refresh`).send({ refreshToken: user.refreshToken }));
    await http(request(running.url).post(`${API}/auth/refresh`).send({ refreshToken: user.refreshToken }));
    await http(request(running.url).get(`${API}/users/me`).set('Authorization', bearer(user.accessToken)));
    await http(
      request(running.url)
        .get(`${API}/users/me`)
        .set('Authorization', bearer(`${login.body.accessToken}x`)),
    );
    await http(
      request(running.url)
        .get(`${API}/admin/users?q=leak`)
        .set('Authorization', bearer(login.body.accessToken)),
    );
    const guest = await http(request(running.url).post(`${API}/auth/anonymous`).send({}));
    await http(
      request(running.url)
        .post(`${API}/auth/upgrade`)
        .set('Authorization', bearer(guest.body.accessToken))
        .send({ email: 'g@example.test', password: 'Gu3st!upgrade' }),
    );
    secrets.add('Gu3st!upgrade');
    // An unexpected failure is logged with its stack: still nothing secret in it.
    running.app.get(AccountDeletion).register(async (userId) => {
      if (userId === user.id) throw new Error('deletion participant failed');
    });
    await http(
      request(running.url).delete(`${API}/users/me`).set('Authorization', bearer(login.body.accessToken)),
    );
    await http(
      request(running.url)
        .post(`${API}/auth/logout`)
        .set('Authorization', bearer(login.body.accessToken))
        .send({ refreshToken: login.body.refreshToken }),
    );

    const hashes = await queryRows<{ password_hash: string }>(
      db.url,
      'SELECT password_hash FROM users WHERE password_hash IS NOT NULL',
    );
    expect(hashes.length).toBeGreaterThanOrEqual(2);
    hashes.forEach((h) => secrets.add(h.password_hash));
    const jwtService: unknown = running.app.get(JwtService);
    const jwtSecret = (jwtService as { options: { secret: string } }).options.secret;
    secrets.add(jwtSecret);

    await running.close();
    output.stop();
    const logs = output.text();

    // The capture really saw the logs: request lines, the unexpected error, and the generated-secret notice once.
    expect(logs).toContain('"url":"/api/v1/auth/login"');
    expect(logs).toContain('deletion participant failed');
    expect(logs.match(/generated a random one/g)).toHaveLength(1);

    const leaks = [...secrets].flatMap((secret) => [
      ...responses.filter((r) => r.includes(secret)).map(() => `a response contains ${secret.slice(0, 12)}…`),
      ...(logs.includes(secret) ? [`the logs contain ${secret.slice(0, 12)}…`] : []),
    ]);
    expect(leaks).toEqual([]);
  });
});
