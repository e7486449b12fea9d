import { GUARDS_METADATA } from '@nestjs/common/constants';
import { JwtAuthGuard } from '../../src/modules/auth/guards/jwt-auth.guard';
import { PermissionsGuard } from '../../src/modules/auth/guards/permissions.guard';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { can, type Role } from '../../src/modules/auth';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser, signInAnonymously } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import {
  describeRule,
  httpRoutesOf,
  listing,
  socketHandlersOf,
  type HttpRoute,
} from './support/route-inventory';

const LISTING = join(__dirname, 'route-permissions.txt');
const UUID_PARAM = /:[A-Za-z_]\w*/g;

type Caller = 'no token' | 'anonymous account' | Role;
const CALLERS: Caller[] = ['no token', 'anonymous account', 'user', 'premium_user', 'admin', 'super_admin'];

/** A request that reaches the route's handler (whatever it then answers) with placeholder ids and an empty body. */
function call(running: RunningApp, route: HttpRoute, token?: string): Promise<request.Response> {
  const url = route.path.replace(UUID_PARAM, '00000000-0000-4000-8000-000000000000');
  let req = request(running.url)[route.method.toLowerCase() as 'get'](url).timeout(5000);
  if (token) req = req.set('Authorization', bearer(token));
  if (['POST', 'PUT', 'PATCH'].includes(route.method)) req = req.send({});
  return req;
}

/** What the matrix of API.md §2 says this caller must get: refused with 401, with 403, or let through. */
function expected(route: HttpRoute, caller: Caller): 401 | 403 | 'through' {
  const { rule } = route;
  if (rule.kind === 'public') return 'through';
  if (caller === 'no token') return 401;
  if (rule.kind === 'undeclared') return 403;
  if (rule.kind === 'authenticated') return 'through';
  const role: Role = caller === 'anonymous account' ? 'user' : caller;
  return rule.permissions.every((p) => can(role, p)) ? 'through' : 403;
}

/** The named limit API.md §7 gives a route, if any. */
function namedLimitOf(route: HttpRoute): string | undefined {
  const key = `${route.method} ${route.path.replace(/^\/api\/v1/, '')}`;
  if (/^POST \/(chat\/message|scenarios\/message|watch\/message\/:\w+)$/.test(key)) return 'message';
  if (key === 'POST /scenarios/start') return 'scenarioStart';
  if (key === 'POST /watch/start') return 'watchStart';
  if (route.path.startsWith('/api/v1/analytics/')) return 'analytics';
  return undefined;
}

function lineDiff(committed: string, live: string): string {
  const before = new Set(committed.split('\n').filter(Boolean));
  const after = new Set(live.split('\n').filter(Boolean));
  return [
    ...[...before].filter((l) => !after.has(l)).map((l) => `- ${l}`),
    ...[...after].filter((l) => !before.has(l)).map((l) => `+ ${l}`),
  ].join('\n');
}

describe('access to every route, generated from the route metadata', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let routes: HttpRoute[];

  beforeAll(async () => {
    db = await createTestDatabase('routes');
    running = await startApp({ DATABASE_URL: db.url });
    routes = httpRoutesOf(running.app);
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('matches the committed listing of routes and socket handlers (test/auth/route-permissions.txt)', () => {
    const live = listing(routes, socketHandlersOf(running.app));
    if (process.env.UPDATE_ROUTE_LISTING === '1') writeFileSync(LISTING, live);
    const committed = existsSync(LISTING) ? readFileSync(LISTING, 'utf8') : '';
    if (committed !== live) {
      throw new Error(
        'The routes or the access they declare changed. If that is intended, update test/auth/route-permissions.txt ' +
          '(UPDATE_ROUTE_LISTING=1 npx jest test/auth/route-permissions.e2e.spec.ts) and commit it with the change, ' +
          `so reviewers see it.\n(- committed, + live)\n${lineDiff(committed, live) || '(only the order or spacing differs)'}`,
      );
    }
  });

  it('finds the auth routes and a declaration on every route and socket handler', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'PATCH', path: '/api/v1/admin/users/:id/role' }),
      ]),
    );
    const undeclared = [
      ...routes.filter((r) => r.rule.kind === 'undeclared').map((r) => `${r.method} ${r.path}`),
      ...socketHandlersOf(running.app)
        .filter((s) => s.rule.kind === 'undeclared')
        .map((s) => `${s.namespace} ${s.event}`),
    ];
    expect(undeclared).toEqual([]);
  });

  it('enforces the declarations of socket handlers: every gateway runs the access guards', () => {
    const gateways = [...new Set(socketHandlersOf(running.app).map((s) => s.gateway))];
    expect(gateways.length).toBeGreaterThanOrEqual(2);
    const unguarded = gateways
      .filter((g) => {
        const guards = (Reflect.getMetadata(GUARDS_METADATA, g) ?? []) as unknown[];
        return !(guards.includes(JwtAuthGuard) && guards.includes(PermissionsGuard));
      })
      .map((g) => g.name);
    expect(unguarded).toEqual([]);
  });

  it('spends the named rate limits of API.md §7 on exactly the routes it names', () => {
    const wrong = routes
      .filter((r) => r.bucket !== namedLimitOf(r))
      .map((r) => `${r.method} ${r.path}: ${r.bucket ?? 'none'} instead of ${namedLimitOf(r) ?? 'none'}`);
    expect(wrong).toEqual([]);
    expect(routes.filter((r) => r.bucket === 'message').length).toBeGreaterThanOrEqual(2);
  });

  it.each(CALLERS)(
    'answers a caller with %s as the permission matrix says, on every route',
    async (caller) => {
      const newToken = async (): Promise<string | undefined> => {
        if (caller === 'no token') return undefined;
        if (caller === 'anonymous account') return (await signInAnonymously(running)).accessToken;
        return (await registerUser(running, { role: caller })).accessToken;
      };
      let token = await newToken();
      const failures: string[] = [];
      for (const route of routes) {
        const want = expected(route, caller);
        const res = await call(running, route, token).catch((e: Error) => ({
          status: `no answer (${e.message})`,
        }));
        const ok =
          want === 'through'
            ? res.status !== 401 && res.status !== 403 && typeof res.status === 'number'
            : res.status === want;
        if (!ok)
          failures.push(
            `${route.method} ${route.path} [${describeRule(route.rule)}]: wanted ${want}, got ${res.status}`,
          );
        // Some routes end the caller's login or account (logout, DELETE /users/me): start again with a fresh one.
        if (
          token &&
          (await request(running.url).get('/api/v1/users/me').set('Authorization', bearer(token))).status ===
            401
        ) {
          token = await newToken();
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
