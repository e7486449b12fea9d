import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AppConfigModule, type AppConfig } from './config';
import { AnalyticsModule } from './modules/analytics';
import { AuthModule } from './modules/auth';
import { ConversationModule } from './modules/conversation';
import { ScenarioModule } from './modules/scenario';
import { CacheModule } from './platform/cache/cache.module';
import { DatabaseModule } from './platform/database/database.module';
import { HealthModule } from './platform/health/health.module';
import { AllExceptionsFilter } from './platform/http/all-exceptions.filter';
import { createValidationPipe } from './platform/http/validation';
import { LoggingModule } from './platform/logging/logging.module';
import { MetricsModule } from './platform/metrics/metrics.module';
import { RedisModule } from './platform/redis/redis.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule,
        MetricsModule,
        DatabaseModule,
        RedisModule,
        CacheModule,
        HealthModule,
        AuthModule,
        ScenarioModule,
        ConversationModule,
        AnalyticsModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
