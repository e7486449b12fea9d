import { Injectable } from '@nestjs/common';
import { UnauthorizedError } from '../../../shared';
import type { Principal } from '../principal';
import { UserStanding } from '../users/user-standing';
import { AccessTokens } from './access-tokens';
import { RevocationList } from './revocation-list';

/**
 * Turns an access token into the principal of a request or a socket handshake: a valid, unrevoked token of
 * an account that still exists, with the account's current role.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly revocations: RevocationList,
    private readonly standing: UserStanding,
  ) {}

  /** Throws UnauthorizedError for a missing, malformed, tampered, expired or revoked token, or a deleted account. */
  async verifyAccessToken(token: string): Promise<Principal> {
    const claims = await this.accessTokens.verify(token);
    if (await this.revocations.isRevoked(claims.tokenId, claims.sessionId)) {
      throw new UnauthorizedError('UNAUTHORIZED', 'The access token has been revoked.');
    }
    const standing = await this.standing.of(claims.userId);
    if (!standing) throw new UnauthorizedError('UNAUTHORIZED', 'The account no longer exists.');
    return {
      userId: claims.userId,
      role: standing.role,
      isAnonymous: standing.isAnonymous,
      tokenId: claims.tokenId,
      sessionId: claims.sessionId,
      tokenExpiresAt: claims.expiresAt,
    };
  }

  /**
   * A socket's principal checked again on each event: the token is unexpired and not revoked (logout, token
   * reuse) and the account still exists, with its current role. A revocation list that cannot answer does
   * not cut off a socket that was authenticated at its handshake.
   */
  async recheck(principal: Principal): Promise<Principal> {
    if (principal.tokenExpiresAt <= Date.now())
      throw new UnauthorizedError('UNAUTHORIZED', 'The access token has expired.');
    const revoked = await this.revocations
      .isRevoked(principal.tokenId, principal.sessionId)
      .catch(() => false);
    if (revoked) throw new UnauthorizedError('UNAUTHORIZED', 'The access token has been revoked.');
    const standing = await this.standing.of(principal.userId);
    if (!standing) throw new UnauthorizedError('UNAUTHORIZED', 'The account no longer exists.');
    return { ...principal, role: standing.role, isAnonymous: standing.isAnonymous };
  }
}
