import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobMetrics, jobMetricProviders } from './jobs.metrics';
import { Jobs, JOBS_OPTIONS, type JobsOptions } from './jobs.service';

@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_OPTIONS, useValue: options }, ...jobMetricProviders, JobMetrics, Jobs],
      exports: [Jobs],
    };
  }
}
