import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../../config';
import { RedisConnections } from '../redis/redis-connections';
import { ApiThrottlerGuard } from './api-throttler.guard';
import { limitsFrom } from './budgets';
import { RateLimitService } from './rate-limit.service';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/**
 * Rate limits with counters in Redis when configured (shared by every instance), in process otherwise.
 * The guard is exported, not installed: access control installs it after authentication, which names the caller.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisConnections],
      useFactory: (config: AppConfig, redis: RedisConnections) => ({
        throttlers: limitsFrom(config),
        storage: redis.enabled ? new RedisThrottlerStorage(redis) : undefined,
        setHeaders: false,
      }),
    }),
  ],
  providers: [ApiThrottlerGuard, RateLimitService],
  exports: [ApiThrottlerGuard, RateLimitService],
})
export class RateLimitModule {}
