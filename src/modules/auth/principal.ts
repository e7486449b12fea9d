import type { Role } from './domain/permissions';

/** Who is calling: resolved from the access token and the user's current role on every request. */
export interface Principal {
  userId: string;
  role: Role;
  isAnonymous: boolean;
  /** id of the access token (jti) and of the login (refresh-token family) it belongs to */
  tokenId: string;
  sessionId: string;
  /** when the access token expires, in epoch milliseconds */
  tokenExpiresAt: number;
}
