import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { InjectConfig, type AppConfig } from '../../../config';
import { ConnectionRegistry } from '../../../platform/realtime/connection-registry';
import { authenticateSockets } from '../../../platform/realtime/socket-auth';
import { SocketEviction } from '../../../platform/realtime/socket-eviction';
import { SocketMetrics } from '../../../platform/realtime/socket-metrics';
import { Authenticator } from '../../auth';

/** What every conversation namespace does at start and at shutdown: one handshake rule, one farewell. */
@Injectable()
export class SocketSecurity {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
    private readonly registry: ConnectionRegistry,
    private readonly eviction: SocketEviction,
    readonly metrics: SocketMetrics,
  ) {}

  /** Access tokens in the handshake, the per-user connection cap, disconnection at token expiry or revocation. */
  secure(namespace: Namespace, sessionType: string, clientEvents: string[]): void {
    authenticateSockets(namespace, {
      clientEvents,
      authenticate: (token) => this.authenticator.verifyAccessToken(token),
      registry: this.registry,
      eviction: this.eviction,
      metrics: this.metrics,
      maxConnectionsPerUser: this.config.socket.maxConnectionsPerUser,
      sessionType,
    });
  }

  /** Tells this instance's clients to reconnect (to another instance) and lets them go. */
  release(namespace: Namespace | undefined): void {
    namespace?.local.emit('server.shutdown', { reconnect: true });
    namespace?.local.disconnectSockets(true);
  }
}
