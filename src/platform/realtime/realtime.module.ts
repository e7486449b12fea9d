import { Global, Module } from '@nestjs/common';
import { ConnectionRegistry } from './connection-registry';
import { SocketEviction } from './socket-eviction';
import { SocketMetrics, socketMetricProviders } from './socket-metrics';

@Global()
@Module({
  providers: [...socketMetricProviders, SocketMetrics, ConnectionRegistry, SocketEviction],
  exports: [SocketMetrics, ConnectionRegistry, SocketEviction],
})
export class RealtimeModule {}
