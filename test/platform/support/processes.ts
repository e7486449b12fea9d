import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import Redis from 'ioredis';
import { waitFor } from '../../helpers/wait';

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves true when something accepts TCP connections on the port, false when the connection is refused. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves when the child has exited, with its code and signal (at once if it already has). */
export async function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return { code: child.exitCode, signal: child.signalCode };
}

/**
 * A redis-server of the test's own on a free port, that the test may kill and restart. It saves nothing
 * unless stopped with `shutdownSaving`, whose data the next start loads, as after a planned restart.
 */
export class ThrowawayRedis {
  private child?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'throwaway-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and waits until it accepts connections. */
  async restart(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    mkdirSync(this.dir, { recursive: true });
    this.child = spawn('redis-server', [...args, '--dir', this.dir], { stdio: 'ignore' });
    await waitFor(() => isListening(this.port), { timeoutMs: 10000 });
  }

  /** Kills the server at once, as a crash would: its data is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child) {
      child.kill('SIGKILL');
      await exited(child);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Stops the server after writing its data to disk; `restart` brings the same keys back. */
  async shutdownSaving(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
    await client.call('SHUTDOWN', 'SAVE').catch(() => undefined); // the connection closes as it answers
    client.disconnect();
    if (child) await exited(child);
  }
}

/** Whether an account may read a folder: search permission on every folder above it, read and search on it. */
export function readableBy(path: string, account: { uid: number; gid: number }): boolean {
  const bits = (p: string, owner: number, group: number, other: number) => {
    const st = statSync(p);
    const mask = st.uid === account.uid ? owner : st.gid === account.gid ? group : other;
    return (st.mode & mask) === mask;
  };
  const parts = resolve(path).split(sep).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    if (!bits(sep + parts.slice(0, i).join(sep), 0o100, 0o010, 0o001)) return false;
  }
  return bits(resolve(path), 0o500, 0o050, 0o005);
}
