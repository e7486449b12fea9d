import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AppConfigModule, type AppConfig } from './config';
import { AnalyticsModule } from './modules/analytics';
import { AuthModule } from './modules/auth';
import { ConversationModule } from './modules/conversation';
import { ScenarioModule } from './modules/scenario';
import { CacheModule } from './platform/cache/cache.module';
import { DatabaseModule } from './platform/database/database.module';
import { HealthModule } from './platform/health/health.module';
import { JobsModule } from './platform/jobs';
import { AllExceptionsFilter } from './platform/http/all-exceptions.filter';
import { ApiValidationPipe } from './platform/http/validation';
import { LlmModule } from './platform/llm';
import { LoggingModule } from './platform/logging/logging.module';
import { ExpiringStoreModule } from './platform/expiring-store/expiring-store.module';
import { MetricsModule } from './platform/metrics/metrics.module';
import { RateLimitModule } from './platform/rate-limit';
import { RealtimeModule } from './platform/realtime/realtime.module';
import { RedisModule } from './platform/redis/redis.module';
import { SecretsModule } from './platform/secrets/secrets.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        EventEmitterModule.forRoot(),
        LoggingModule,
        MetricsModule,
        DatabaseModule,
        RedisModule,
        CacheModule,
        JobsModule.forRoot({ runWorkers: config.analytics.runWorker }),
        SecretsModule,
        ExpiringStoreModule,
        RateLimitModule,
        RealtimeModule,
        HealthModule,
        LlmModule,
        AuthModule,
        ScenarioModule,
        ConversationModule,
        AnalyticsModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ApiValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
