import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { RedisConnections } from '../../../platform/redis/redis-connections';

/** How long a lock outlives its holder; a crashed instance's sessions are free again after this. */
const LOCK_TTL_MS = 15_000;
const RENEW_EVERY_MS = LOCK_TTL_MS / 3;

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface DriverLease {
  /** Aborted when the lease is lost (it expired, or another holder took it). */
  readonly lost: AbortSignal;
  /** Checks with Redis that the lease is still this holder's, just before a write that must happen once. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * The right to drive a session: one holder across all instances. In distributed mode a Redis key
 * (SET NX PX, renewed while held, deleted on release); otherwise this process alone decides.
 */
@Injectable()
export class DriverLock {
  private readonly logger = new Logger('DriverLock');
  private readonly held = new Set<string>();

  constructor(private readonly redis: RedisConnections) {}

  async acquire(sessionId: string): Promise<DriverLease | null> {
    if (this.held.has(sessionId)) return null;
    this.held.add(sessionId);
    if (!this.redis.enabled) return this.localLease(sessionId);
    const token = randomUUID();
    const key = `${this.redis.keyPrefix}watch:driver:${sessionId}`;
    try {
      if ((await this.redis.client.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
        this.held.delete(sessionId);
        return null;
      }
    } catch (e) {
      this.held.delete(sessionId);
      this.logger.warn(`cannot take the driver lock of ${sessionId}: ${(e as Error).message}`);
      return null;
    }
    return this.sharedLease(sessionId, key, token);
  }

  private localLease(sessionId: string): DriverLease {
    const lost = new AbortController();
    return {
      lost: lost.signal,
      stillHeld: async () => !lost.signal.aborted,
      release: async () => {
        lost.abort();
        this.held.delete(sessionId);
      },
    };
  }

  private sharedLease(sessionId: string, key: string, token: string): DriverLease {
    const lost = new AbortController();
    let confirmedAt = Date.now();
    const renew = async () => {
      try {
        if ((await this.redis.client.eval(RENEW, 1, key, token, LOCK_TTL_MS)) === 1) confirmedAt = Date.now();
        else lost.abort(new Error('driver lock taken over'));
      } catch {
        // Redis is unreachable: keep driving only while the lock cannot have expired.
        if (Date.now() - confirmedAt >= LOCK_TTL_MS) lost.abort(new Error('driver lock expired'));
      }
    };
    const timer = setInterval(() => void renew(), RENEW_EVERY_MS);
    timer.unref();
    lost.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    return {
      lost: lost.signal,
      stillHeld: async () => {
        if (lost.signal.aborted) return false;
        try {
          return (await this.redis.client.get(key)) === token;
        } catch {
          return Date.now() - confirmedAt < LOCK_TTL_MS;
        }
      },
      release: async () => {
        clearInterval(timer);
        if (!lost.signal.aborted) lost.abort(new Error('released'));
        this.held.delete(sessionId);
        await this.redis.client.eval(RELEASE, 1, key, token).catch(() => undefined);
      },
    };
  }
}
