import { Global, Module } from '@nestjs/common';
import { CacheService, cacheMetricProviders } from './cache.service';

@Global()
@Module({ providers: [...cacheMetricProviders, CacheService], exports: [CacheService] })
export class CacheModule {}
