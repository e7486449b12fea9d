import { Global, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { collectDefaultMetrics, register } from 'prom-client';
import { HttpMetrics, httpMetricProviders } from './http-metrics';
import { MetricsController } from './metrics.controller';

// Default process metrics are registered once per process, however many app instances it holds.
if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();

@Global()
@Module({
  imports: [
    PrometheusModule.register({
      controller: MetricsController,
      path: 'metrics',
      defaultMetrics: { enabled: false },
    }),
  ],
  providers: [...httpMetricProviders, HttpMetrics],
  exports: [HttpMetrics],
})
export class MetricsModule {}
