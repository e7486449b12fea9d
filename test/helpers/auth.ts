import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { UsersService, type Role } from '../../src/modules/auth';
import type { RunningApp } from './app';

export interface TestUser {
  id: string;
  email: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export interface TestUserOptions {
  role?: Role;
  email?: string;
  username?: string;
  password?: string;
  displayName?: string;
}

interface TokenBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

/**
 * Registers an account over HTTP (unique email and username unless given) and, when another role is asked
 * for, sets it through the users service, so the cached role is dropped as in production.
 * The tokens answer with the requested role from the first request on.
 */
export async function registerUser(running: RunningApp, opts: TestUserOptions = {}): Promise<TestUser> {
  const suffix = randomBytes(5).toString('hex');
  const email = opts.email ?? `user-${suffix}@example.test`;
  const username = opts.username ?? `user_${suffix}`;
  const password = opts.password ?? `Pw-${suffix}-Aa1!`;
  const res = await request(running.url)
    .post('/api/v1/auth/register')
    .send({
      email,
      username,
      password,
      ...(opts.displayName !== undefined ? { displayName: opts.displayName } : {}),
    });
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${JSON.stringify(res.body)}`);
  const body = res.body as TokenBody;
  if (opts.role && opts.role !== 'user')
    await running.app.get(UsersService).changeRole(body.user.id, opts.role, null);
  return {
    id: body.user.id,
    email: email.toLowerCase(),
    username,
    password,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
  };
}

/** An anonymous account, as the one-click sign-in makes it. */
export async function signInAnonymously(
  running: RunningApp,
): Promise<{ id: string; accessToken: string; refreshToken: string }> {
  const res = await request(running.url).post('/api/v1/auth/anonymous').send({});
  if (res.status !== 201)
    throw new Error(`anonymous sign-in answered ${res.status}: ${JSON.stringify(res.body)}`);
  const body = res.body as TokenBody;
  return { id: body.user.id, accessToken: body.accessToken, refreshToken: body.refreshToken };
}

/** `Authorization` header value for a token. */
export const bearer = (token: string): string => `Bearer ${token}`;
