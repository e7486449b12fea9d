import { Global, Module } from '@nestjs/common';
import { ConnectionRegistry } from './connection-registry';
import { SocketMetrics, socketMetricProviders } from './socket-metrics';

@Global()
@Module({
  providers: [...socketMetricProviders, SocketMetrics, ConnectionRegistry],
  exports: [SocketMetrics, ConnectionRegistry],
})
export class RealtimeModule {}
