export { RateLimitModule } from './rate-limit.module';
export { ApiThrottlerGuard } from './api-throttler.guard';
export { RateLimitService } from './rate-limit.service';
export { RateLimit, RATE_LIMIT_BUCKETS, type RateLimitBucket } from './budgets';
export { setRateLimitUser, userTracker } from './rate-limit-subject';
