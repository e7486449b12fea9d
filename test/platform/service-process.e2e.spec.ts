import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { MIGRATIONS } from '../../migrations';
import { waitFor } from '../helpers/wait';
import { CLI_JS, ensureBuilt, ROOT } from './support/build';
import { isListening, readableBy } from './support/processes';
import { EmbeddedSetup, ServiceProcess, type RunOptions } from './support/service';

const STARTUP = { timeoutMs: 60000, intervalMs: 250 };
const NOBODY = { uid: 65534, gid: 65534 };

function uidOf(pid: number): number {
  return Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

describe('the service as a process', () => {
  const started: ServiceProcess[] = [];
  const run = (env: Record<string, string>, options?: RunOptions) => {
    const service = new ServiceProcess(env, options);
    started.push(service);
    return service;
  };

  beforeAll(() => ensureBuilt(), 120000);
  afterAll(async () => {
    for (const service of started) service.kill();
    await Promise.all(started.map((s) => s.exited()));
  });

  it('refuses to start on a wrong variable, naming it', async () => {
    const service = run({ PORT: 'abc', REDIS_URL: 'http://x' });
    const { code } = await service.exited();
    expect(code).not.toBe(0);
    expect(service.log).toContain('PORT');
    expect(service.log).toContain('REDIS_URL');
  });

  describe('on embedded defaults (no DATABASE_URL, no REDIS_URL)', () => {
    let setup: EmbeddedSetup;
    let firstRunMigrations: unknown[];

    beforeAll(async () => {
      setup = await EmbeddedSetup.create();
    });
    afterAll(async () => {
      await setup?.remove();
    });

    it('comes up ready, logs requests but not probes, and stops cleanly on SIGTERM', async () => {
      const service = run(setup.env);
      await service.until(() => setup.ready(), STARTUP);
      expect(service.log).toContain('Initialising an embedded PostgreSQL');
      // PostgreSQL refuses to run as root: under root the server runs as the `postgres` system user.
      expect(uidOf(setup.serverPid())).not.toBe(0);

      firstRunMigrations = await setup.query(async (c) => {
        await c.query('CREATE TABLE fresh_start_marker (note text)');
        await c.query(`INSERT INTO fresh_start_marker VALUES ('first run')`);
        return (await c.query('SELECT * FROM schema_migrations ORDER BY id')).rows;
      });
      expect(firstRunMigrations).toHaveLength(MIGRATIONS.length);

      const missing = await fetch(`http://127.0.0.1:${setup.appPort}/api/v1/no-such-route`, {
        headers: { 'X-Request-Id': 'probe-404' },
      });
      expect(missing.status).toBe(404);
      await waitFor(() => service.entries.some((e) => e.req?.id === 'probe-404'));
      const requests = service.entries.flatMap((e) =>
        e.req ? [{ ...e.req, status: e.res?.statusCode }] : [],
      );
      expect(requests.find((r) => r.id === 'probe-404')).toMatchObject({
        method: 'GET',
        url: '/api/v1/no-such-route',
        status: 404,
      });
      // The readiness polls above are not logged.
      expect(requests.filter((r) => /^\/(health|metrics)/.test(r.url))).toEqual([]);

      service.child.kill('SIGTERM');
      await expect(service.exited()).resolves.toEqual({ code: 0, signal: null });
      await expect(isListening(setup.pgPort)).resolves.toBe(false);
      await expect(isListening(setup.appPort)).resolves.toBe(false);
    });

    it('lets an operator command share the embedded database while the service runs', async () => {
      const service = run(setup.env);
      await service.until(() => setup.ready(), STARTUP);
      const admin = { email: 'operator@example.test', password: 'Operator-pass-1!' };
      const cli = spawnSync(
        process.execPath,
        [
          CLI_JS,
          'create-user',
          '--email',
          admin.email,
          '--username',
          'operator',
          '--password',
          admin.password,
          '--role',
          'super_admin',
        ],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...setup.env },
          encoding: 'utf8',
          timeout: 60000,
        },
      );
      expect({ status: cli.status, stderr: cli.stderr }).toEqual({ status: 0, stderr: '' });

      // The command left the server running, and the service sees the account it made.
      await expect(setup.ready()).resolves.toBe(true);
      const login = await fetch(`http://127.0.0.1:${setup.appPort}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: { role: string } }).user.role).toBe('super_admin');

      service.child.kill('SIGTERM');
      await expect(service.exited()).resolves.toEqual({ code: 0, signal: null });
      await expect(isListening(setup.pgPort)).resolves.toBe(false);
    });

    it('reuses its data on the next start, and stops cleanly on Ctrl+C', async () => {
      const service = run(setup.env, { ownGroup: true });
      await service.until(() => setup.ready(), STARTUP);
      expect(service.log).not.toContain('Initialising an embedded PostgreSQL');
      expect(service.log).not.toMatch(/Applied \d+ migration/);
      const [marker, migrations] = await setup.query((c) =>
        Promise.all([
          c.query('SELECT note FROM fresh_start_marker'),
          c.query('SELECT * FROM schema_migrations ORDER BY id'),
        ]),
      );
      expect(marker.rows).toEqual([{ note: 'first run' }]);
      expect(migrations.rows).toEqual(firstRunMigrations);

      process.kill(-service.child.pid!, 'SIGINT');
      await expect(service.exited()).resolves.toEqual({ code: 0, signal: null });
      await expect(isListening(setup.pgPort)).resolves.toBe(false);
    });
  });

  // Under root this runs the service as `nobody`; otherwise the test runner is itself an ordinary user.
  // `nobody` must be able to read the checkout; a checkout in a private folder (mode 700) cannot be run by it.
  const asNobody = process.getuid?.() === 0;
  const readable = !asNobody || readableBy(ROOT, NOBODY);
  if (!readable) {
    process.stderr.write(
      `service-process: skipping "starts on embedded defaults as an ordinary user": the checkout ${ROOT} is not readable by uid ${NOBODY.uid}\n`,
    );
  }
  (readable ? it : it.skip)('starts on embedded defaults as an ordinary user', async () => {
    const asRoot = asNobody;
    const setup = await EmbeddedSetup.create(asRoot ? NOBODY : undefined);
    try {
      const service = run(setup.env, asRoot ? { user: NOBODY } : {});
      await service.until(() => setup.ready(), STARTUP);
      expect(uidOf(setup.serverPid())).toBe(asRoot ? NOBODY.uid : process.getuid?.());
      service.child.kill('SIGTERM');
      await expect(service.exited()).resolves.toEqual({ code: 0, signal: null });
    } finally {
      await setup.remove();
    }
  });
});
