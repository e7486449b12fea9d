import { Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';

const tokenRoom = (tokenId: string) => `access-token:${tokenId}`;
const sessionRoom = (sessionId: string) => `access-session:${sessionId}`;

/**
 * Disconnects the sockets of access tokens that stop working before they expire (logout, a reused refresh
 * token, a deleted account), on every instance: through the Redis adapter a disconnect reaches the sockets
 * held by the others.
 */
@Injectable()
export class SocketEviction {
  private readonly logger = new Logger(SocketEviction.name);
  private readonly namespaces = new Set<Namespace>();

  watch(namespace: Namespace): void {
    this.namespaces.add(namespace);
  }

  /** Files the socket under its token and its login, so that revoking either reaches it. */
  enrol(socket: Socket, identity: { tokenId: string; sessionId: string }): void {
    void socket.join([tokenRoom(identity.tokenId), sessionRoom(identity.sessionId)]);
  }

  evictToken(tokenId: string): void {
    this.evict([tokenRoom(tokenId)]);
  }

  evictSessions(sessionIds: string[]): void {
    if (sessionIds.length) this.evict(sessionIds.map(sessionRoom));
  }

  private evict(rooms: string[]): void {
    for (const namespace of this.namespaces) {
      try {
        namespace.in(rooms).disconnectSockets(true);
      } catch (e) {
        // Each socket also re-checks its token on its next event, so a missed disconnect is not a way in.
        this.logger.warn(`socket disconnect on ${namespace.name} failed: ${(e as Error).message}`);
      }
    }
  }
}
