import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';

export const socketMetricProviders = [
  makeGaugeProvider({
    name: 'active_sessions',
    help: 'Open realtime sessions on this instance',
    labelNames: ['type'],
  }),
  makeCounterProvider({
    name: 'socket_connections_total',
    help: 'Socket connections by outcome',
    labelNames: ['namespace', 'outcome'],
  }),
  makeCounterProvider({
    name: 'socket_events_total',
    help: 'Socket events received by outcome',
    labelNames: ['event', 'outcome'],
  }),
];

@Injectable()
export class SocketMetrics {
  constructor(
    @InjectMetric('active_sessions') readonly active: Gauge<string>,
    @InjectMetric('socket_connections_total') readonly connections: Counter<string>,
    @InjectMetric('socket_events_total') readonly events: Counter<string>,
  ) {}
}
