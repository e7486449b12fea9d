import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '../../helpers/wait';
import { MAIN_JS, ROOT } from './build';
import { exited, freePort, isListening } from './processes';

/** A JSON log line; request lines carry `req` and `res`. */
export interface LogEntry {
  msg?: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
}

export interface RunOptions {
  /** Its own process group, so that a signal to the group reaches the embedded server too, as Ctrl+C does. */
  ownGroup?: boolean;
  user?: { uid: number; gid: number };
}

/** The compiled service run as `npm start` runs it, with nothing but PATH and the variables given. */
export class ServiceProcess {
  readonly child: ChildProcess;
  private output = '';

  constructor(env: Record<string, string>, options: RunOptions = {}) {
    this.child = spawn(process.execPath, [MAIN_JS], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.ownGroup ?? false,
      ...options.user,
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Everything it printed so far, stdout and stderr. */
  get log(): string {
    return this.output;
  }

  /** The JSON log lines. */
  get entries(): LogEntry[] {
    return this.output.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as LogEntry];
      } catch {
        return [];
      }
    });
  }

  exited() {
    return exited(this.child);
  }

  /** Waits until the check passes, failing at once (with the output) if the process exits first. */
  async until(
    check: () => Promise<boolean>,
    options: { timeoutMs: number; intervalMs?: number },
  ): Promise<void> {
    let settled = false;
    const died = this.exited().then(({ code, signal }) => {
      if (!settled)
        throw new Error(`the service exited (code ${code}, signal ${signal}):\n${this.output.slice(-3000)}`);
    });
    const passed = waitFor(check, options);
    // Whichever loses the race must not surface later as an unhandled rejection.
    died.catch(() => undefined);
    passed.catch(() => undefined);
    try {
      await Promise.race([passed, died]);
    } finally {
      settled = true;
    }
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** A temporary home for an embedded PostgreSQL, with the ports the service and its database use. */
export class EmbeddedSetup {
  private constructor(
    private readonly parent: string,
    readonly pgPort: number,
    readonly appPort: number,
  ) {}

  static async create(owner?: { uid: number; gid: number }): Promise<EmbeddedSetup> {
    const parent = mkdtempSync(join(tmpdir(), 'wr-embedded-'));
    // Reachable by the `postgres` system user the server runs as when the service runs as root.
    chmodSync(parent, 0o755);
    if (owner) chownSync(parent, owner.uid, owner.gid);
    return new EmbeddedSetup(parent, await freePort(), await freePort());
  }

  get dataDir(): string {
    return join(this.parent, 'postgres');
  }

  /** The variables of a run on embedded defaults: no DATABASE_URL, no REDIS_URL. */
  get env(): Record<string, string> {
    return {
      EMBEDDED_POSTGRES_DIR: this.dataDir,
      EMBEDDED_POSTGRES_PORT: String(this.pgPort),
      PORT: String(this.appPort),
    };
  }

  async ready(): Promise<boolean> {
    return (await fetch(`http://127.0.0.1:${this.appPort}/health/ready`)).status === 200;
  }

  /** The pid of the running embedded server, from its pid file. */
  serverPid(): number {
    return Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  async query<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const url = `postgres://postgres:embedded@127.0.0.1:${this.pgPort}/workplace_roleplay`;
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  /** Stops a server left behind by a killed run, then removes the folder. */
  async remove(): Promise<void> {
    try {
      process.kill(this.serverPid(), 'SIGQUIT');
      await waitFor(async () => !(await isListening(this.pgPort)), { timeoutMs: 10000 });
    } catch {
      // No pid file, or no such process: nothing is running.
    }
    rmSync(this.parent, { recursive: true, force: true });
  }
}
