import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ServiceUnavailableError } from '../../shared';
import { RedisConnections } from '../redis/redis-connections';

export interface WindowCount {
  count: number;
  /** milliseconds until the window closes (0 when there is no window) */
  resetInMs: number;
}

// Counts a hit in a fixed window that opens with the first hit.
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local t = redis.call('PTTL', KEYS[1])
if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); t = tonumber(ARGV[1]) end
return {n, t}`;

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Flags and counters that expire: in Redis when configured, so every instance sees the same state,
 * in process otherwise. Unlike the cache it fails closed: a Redis error is an error (503), never a miss,
 * because callers ask security questions ("is this token revoked?").
 * Nothing is evicted before its expiry, so entries must be bounded by their callers' TTLs.
 */
@Injectable()
export class ExpiringStore implements OnApplicationShutdown {
  private readonly logger = new Logger('ExpiringStore');
  private readonly local = new Map<string, { value: number; expiresAt: number }>();
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly redis: RedisConnections) {}

  /** Sets a flag that disappears after ttlMs. */
  async mark(key: string, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    if (this.redis.enabled) {
      await this.guard(() => this.redis.client.set(this.redisKey(key), '1', 'PX', Math.ceil(ttlMs)));
      return;
    }
    this.setLocal(key, 1, ttlMs);
  }

  /** Whether any of the keys holds a live flag or counter. */
  async anyPresent(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    if (this.redis.enabled) {
      const found = await this.guard(() => this.redis.client.exists(...keys.map((k) => this.redisKey(k))));
      return found > 0;
    }
    return keys.some((k) => this.getLocal(k) !== undefined);
  }

  /** Adds one to the counter of a fixed window of windowMs that starts at the first hit. */
  async hit(key: string, windowMs: number): Promise<WindowCount> {
    if (this.redis.enabled) {
      const [count, ttl] = await this.guard(
        () =>
          this.redis.client.eval(HIT_SCRIPT, 1, this.redisKey(key), Math.ceil(windowMs)) as Promise<
            [number, number]
          >,
      );
      return { count: Number(count), resetInMs: Number(ttl) };
    }
    const now = Date.now();
    const entry = this.getLocal(key, now);
    if (!entry) {
      this.setLocal(key, 1, windowMs);
      return { count: 1, resetInMs: windowMs };
    }
    entry.value += 1;
    return { count: entry.value, resetInMs: entry.expiresAt - now };
  }

  /** The counter of a window without counting a hit. */
  async peek(key: string): Promise<WindowCount> {
    if (this.redis.enabled) {
      const full = this.redisKey(key);
      const [value, ttl] = await this.guard(() =>
        Promise.all([this.redis.client.get(full), this.redis.client.pttl(full)]),
      );
      return value === null
        ? { count: 0, resetInMs: 0 }
        : { count: Number(value), resetInMs: Math.max(ttl, 0) };
    }
    const now = Date.now();
    const entry = this.getLocal(key, now);
    return entry ? { count: entry.value, resetInMs: entry.expiresAt - now } : { count: 0, resetInMs: 0 };
  }

  async delete(key: string): Promise<void> {
    if (this.redis.enabled) {
      await this.guard(() => this.redis.client.del(this.redisKey(key)));
      return;
    }
    this.local.delete(key);
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.local.clear();
  }

  private redisKey(key: string): string {
    return `${this.redis.keyPrefix}exp:${key}`;
  }

  private async guard<T>(command: () => Promise<T>): Promise<T> {
    if (this.redis.down) throw new ServiceUnavailableError();
    try {
      return await command();
    } catch (e) {
      this.logger.warn(`Redis command failed: ${(e as Error).message}`);
      throw new ServiceUnavailableError();
    }
  }

  private getLocal(key: string, now = Date.now()): { value: number; expiresAt: number } | undefined {
    const entry = this.local.get(key);
    if (entry && entry.expiresAt <= now) {
      this.local.delete(key);
      return undefined;
    }
    return entry;
  }

  private setLocal(key: string, value: number, ttlMs: number): void {
    this.local.set(key, { value, expiresAt: Date.now() + ttlMs });
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_INTERVAL_MS).unref();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.local) if (entry.expiresAt <= now) this.local.delete(key);
  }
}
