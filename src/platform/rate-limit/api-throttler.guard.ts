import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { InjectConfig, type AppConfig } from '../../config';
import { RateLimitedError } from '../../shared';
import { limitKey, RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKETS, type RateLimitBucket } from './budgets';
import { rateLimitTrackerOf } from './rate-limit-subject';

/**
 * The HTTP rate limits: every API route spends from the general limits, routes marked `@RateLimit(bucket)`
 * also from that bucket. Counted per account once authentication has named the caller, per client address
 * otherwise. Operations routes (health, metrics, docs) are not limited: probes and scrapers call them all the time.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (!this.config.rateLimit.enabled || context.getType() !== 'http') return true;
    const route =
      context.switchToHttp().getRequest<{ routeOptions?: { url?: string } }>().routeOptions?.url ?? '';
    return !route.startsWith('/api/v1/');
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const name = request.throttler.name ?? '';
    if ((RATE_LIMIT_BUCKETS as readonly string[]).includes(name)) {
      const bucket = this.reflector.getAllAndOverride<RateLimitBucket | undefined>(RATE_LIMIT_BUCKET, [
        request.context.getHandler(),
        request.context.getClass(),
      ]);
      if (bucket !== name) return true;
    }
    return super.handleRequest(request);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return rateLimitTrackerOf(request);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return limitKey(name, tracker);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimitedError(Math.max(1, detail.timeToBlockExpire));
  }
}
