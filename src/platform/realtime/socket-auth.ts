import type { Namespace, Socket } from 'socket.io';
import { ConnectionRegistry } from './connection-registry';
import { SocketEviction } from './socket-eviction';
import { SocketMetrics } from './socket-metrics';

export interface SocketIdentity {
  userId: string;
  tokenId: string;
  sessionId: string;
  /** epoch milliseconds */
  tokenExpiresAt: number;
}

/**
 * Authenticates every connection of a namespace in its handshake (`auth: { token }`): a missing, bad,
 * expired or revoked token fails with `unauthorized`. The identity is kept on `socket.data.principal`,
 * the connection is refused beyond the per-user cap, an unknown event's acknowledgement answers NOT_FOUND,
 * and the socket is disconnected when its token expires or is revoked.
 */
export function authenticateSockets<P extends SocketIdentity>(
  namespace: Namespace,
  options: {
    authenticate: (token: string) => Promise<P>;
    registry: ConnectionRegistry;
    eviction: SocketEviction;
    metrics: SocketMetrics;
    maxConnectionsPerUser: number;
    sessionType: string;
    /** The events the namespace handles; any other event with an acknowledgement answers NOT_FOUND. */
    clientEvents: string[];
  },
): void {
  const label = { namespace: namespace.name };
  options.eviction.watch(namespace);
  namespace.use((socket: Socket, next: (err?: Error) => void) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token) {
      options.metrics.connections.inc({ ...label, outcome: 'unauthorized' });
      return next(new Error('unauthorized'));
    }
    options
      .authenticate(token)
      .then(async (principal) => {
        if (!(await options.registry.tryAdd(principal.userId, socket.id, options.maxConnectionsPerUser))) {
          options.metrics.connections.inc({ ...label, outcome: 'over_cap' });
          return next(new Error('too_many_connections'));
        }
        socket.data.principal = principal;
        next();
      })
      .catch(() => {
        options.metrics.connections.inc({ ...label, outcome: 'unauthorized' });
        next(new Error('unauthorized'));
      });
  });
  namespace.on('connection', (socket: Socket) => {
    const principal = socket.data.principal as P;
    options.metrics.connections.inc({ ...label, outcome: 'accepted' });
    options.metrics.active.inc({ type: options.sessionType });
    options.eviction.enrol(socket, principal);
    const known = new Set(options.clientEvents);
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (known.has(event) || typeof ack !== 'function') return;
      (ack as (answer: unknown) => void)({
        ok: false,
        code: 'NOT_FOUND',
        message: `Unknown event "${String(event).slice(0, 100)}".`,
      });
    });
    const msLeft = principal.tokenExpiresAt - Date.now();
    const expiry = setTimeout(
      () => {
        socket.emit('auth.expired', { message: 'The access token has expired; reconnect with a new one.' });
        socket.disconnect(true);
      },
      Math.max(0, Math.min(msLeft, 2 ** 31 - 1)),
    );
    socket.once('disconnect', () => {
      clearTimeout(expiry);
      options.metrics.active.dec({ type: options.sessionType });
      void options.registry.remove(principal.userId, socket.id);
    });
  });
}
