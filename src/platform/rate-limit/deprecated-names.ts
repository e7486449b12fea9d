import { Injectable } from '@nestjs/common';
import { RateLimit, type RateLimitBucket } from './budgets';
import { RateLimitService } from './rate-limit.service';

type FormerBucket = RateLimitBucket | 'messages';
const current = (bucket: FormerBucket): RateLimitBucket => (bucket === 'messages' ? 'message' : bucket);

/** @deprecated Use `@RateLimit(bucket)`; `messages` is the former name of the `message` bucket. */
export const RateLimitBudget = (bucket: FormerBucket): MethodDecorator & ClassDecorator =>
  RateLimit(current(bucket));

/** @deprecated Use `RateLimitService.consume(bucket, userId)`. */
@Injectable()
export class RateLimiter {
  constructor(private readonly limits: RateLimitService) {}

  /** `subject` is a tracker (`user:<id>`); only the named bucket is spent. */
  async consume(subject: string, bucket?: FormerBucket): Promise<void> {
    if (bucket) await this.limits.spend(current(bucket), subject);
  }
}
