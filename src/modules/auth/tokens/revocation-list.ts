import { Injectable } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../../config';
import { ExpiringStore } from '../../../platform/expiring-store/expiring-store';
import { SocketEviction } from '../../../platform/realtime/socket-eviction';

// Covers clock differences between instances that issued and that check a token.
const SKEW_MS = 60_000;

/**
 * Access tokens that must stop working before they expire: one token (logout) or every token of a login
 * (logout, refresh-token reuse, account changes). Entries live only as long as such a token could. Sockets
 * opened with such a token are disconnected at once.
 */
@Injectable()
export class RevocationList {
  constructor(
    private readonly store: ExpiringStore,
    private readonly sockets: SocketEviction,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async revokeToken(tokenId: string, expiresAt: number): Promise<void> {
    await this.store.mark(`revoked:token:${tokenId}`, expiresAt - Date.now() + SKEW_MS);
    this.sockets.evictToken(tokenId);
  }

  /** Every access token issued to the login, now or earlier, stops working. */
  async revokeSessions(sessionIds: string[]): Promise<void> {
    const ttl = this.config.auth.accessTtlSeconds * 1000 + SKEW_MS;
    await Promise.all(sessionIds.map((id) => this.store.mark(`revoked:session:${id}`, ttl)));
    this.sockets.evictSessions(sessionIds);
  }

  async isRevoked(tokenId: string, sessionId: string): Promise<boolean> {
    return this.store.anyPresent([`revoked:token:${tokenId}`, `revoked:session:${sessionId}`]);
  }
}
