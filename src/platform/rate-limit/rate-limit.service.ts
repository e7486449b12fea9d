import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { InjectConfig, type AppConfig } from '../../config';
import { RateLimitedError } from '../../shared';
import { limitKey, limitsFrom, type RateLimitBucket } from './budgets';
import { userTracker } from './rate-limit-subject';

/**
 * The named limits for callers that are not HTTP routes (socket events): a message sent over a socket and
 * one sent over HTTP spend from the same budget of their account, on every instance when Redis is configured.
 */
@Injectable()
export class RateLimitService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  /** Spends one unit of `bucket` for the account `key` (a user id); throws RateLimitedError when none is left. */
  async consume(bucket: RateLimitBucket, key: string): Promise<void> {
    await this.spend(bucket, userTracker(key));
  }

  /** Spends one unit of `bucket` for a tracker as the HTTP guard computes it (`user:<id>` or `ip:<address>`). */
  async spend(bucket: RateLimitBucket, tracker: string): Promise<void> {
    if (!this.config.rateLimit.enabled) return;
    const limit = limitsFrom(this.config).find((l) => l.name === bucket);
    if (!limit) throw new Error(`Unknown rate limit ${bucket}`);
    const record = await this.storage.increment(
      limitKey(bucket, tracker),
      limit.ttl as number,
      limit.limit as number,
      0,
      bucket,
    );
    if (record.isBlocked) throw new RateLimitedError(Math.max(1, record.timeToBlockExpire));
  }
}
