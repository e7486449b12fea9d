import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectConfig, type AppConfig } from '../../../config';
import { UnauthorizedError } from '../../../shared';

export const JWT_ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessClaims {
  userId: string;
  tokenId: string;
  sessionId: string;
  /** epoch milliseconds */
  expiresAt: number;
}

interface Payload {
  sub?: unknown;
  sid?: unknown;
  jti?: unknown;
  typ?: unknown;
  exp?: unknown;
}

/**
 * Short-lived access JWTs. The algorithm is pinned, issuer and audience are checked, and the `typ` claim
 * keeps any other token (refresh tokens are not JWTs at all) from passing as one.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async issue(userId: string, sessionId: string): Promise<{ token: string; claims: AccessClaims }> {
    const { accessTtlSeconds, issuer, audience } = this.config.auth;
    const tokenId = randomUUID();
    const token = await this.jwt.signAsync(
      { sid: sessionId, typ: 'access' },
      {
        algorithm: JWT_ALGORITHM,
        subject: userId,
        jwtid: tokenId,
        issuer,
        audience,
        expiresIn: accessTtlSeconds,
      },
    );
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { token, claims: { userId, tokenId, sessionId, expiresAt: exp * 1000 } };
  }

  /** The claims of a valid access token; any failure is the same 401, with no detail of what was wrong. */
  async verify(token: string): Promise<AccessClaims> {
    const { issuer, audience } = this.config.auth;
    let payload: Payload;
    try {
      payload = await this.jwt.verifyAsync<Payload>(token, { algorithms: [JWT_ALGORITHM], issuer, audience });
    } catch {
      throw invalidToken();
    }
    const { sub, sid, jti, typ, exp } = payload;
    if (typ !== 'access' || !isUuid(sub) || !isUuid(sid) || !isUuid(jti) || typeof exp !== 'number')
      throw invalidToken();
    return { userId: sub, sessionId: sid, tokenId: jti, expiresAt: exp * 1000 };
  }
}

function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

function invalidToken(): UnauthorizedError {
  return new UnauthorizedError('UNAUTHORIZED', 'The access token is missing, invalid or expired.');
}
