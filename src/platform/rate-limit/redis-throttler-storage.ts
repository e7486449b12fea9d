import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisConnections } from '../redis/redis-connections';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// KEYS: hits, block. ARGV: window ms, limit, block ms. Returns hits, window ttl ms, blocked (0/1), retry ms.
// A full window refuses without counting; with a block duration, going over also blocks for that long.
const INCREMENT = `
local blockTtl = redis.call('PTTL', KEYS[2])
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if blockTtl > 0 then return {hits, math.max(ttl, 0), 1, blockTtl} end
local limit = tonumber(ARGV[2])
local blockMs = tonumber(ARGV[3])
if blockMs <= 0 and hits >= limit and ttl > 0 then return {hits + 1, ttl, 1, ttl} end
hits = redis.call('INCR', KEYS[1])
ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
if blockMs > 0 and hits > limit then
  redis.call('SET', KEYS[2], '1', 'PX', blockMs)
  return {hits, ttl, 1, blockMs}
end
return {hits, ttl, 0, 0}`;

/**
 * Rate-limit counters in Redis, so every instance spends from the same budgets. Fixed windows.
 * While Redis is unreachable requests are let through (and the outage logged once): limits protect the
 * service, they must not take it down. Security state (revocations, login lockout) fails closed elsewhere.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private failing = false;

  constructor(private readonly redis: RedisConnections) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.redis.keyPrefix}rl:${key}`;
    let result: [number, number, number, number];
    try {
      if (this.redis.down) throw new Error('the connection is down');
      result = (await this.redis.client.eval(
        INCREMENT,
        2,
        base,
        `${base}:block`,
        ttl,
        limit,
        blockDuration,
      )) as typeof result;
    } catch (e) {
      if (!this.failing)
        this.logger.warn(`Redis unavailable, rate limits not enforced: ${(e as Error).message}`);
      this.failing = true;
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
    if (this.failing) this.logger.log('Redis is back; rate limits enforced again');
    this.failing = false;
    const [totalHits, ttlMs, blocked, retryMs] = result.map(Number);
    return {
      totalHits,
      timeToExpire: Math.ceil(ttlMs / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(retryMs / 1000),
    };
  }
}
