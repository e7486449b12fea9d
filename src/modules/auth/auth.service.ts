import { Injectable } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config';
import { UnauthorizedError } from '../../shared';
import type { LoginDto, RegisterDto, UpgradeDto } from './dto/credentials.dto';
import { toUserResponse, type TokenResponse } from './dto/user.dto';
import type { UserEntity } from './entities/user.entity';
import type { Principal } from './principal';
import { AccessTokens } from './tokens/access-tokens';
import { RefreshTokens } from './tokens/refresh-tokens';
import { RevocationList } from './tokens/revocation-list';
import { LoginLockout } from './users/login-lockout';
import { PasswordHasher } from './users/password-hasher';
import { UserStanding } from './users/user-standing';
import { UsersService } from './users/users.service';

/** Sign-up, sign-in and the life of a login: refresh, logout, upgrade, account deletion. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LoginLockout,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly revocations: RevocationList,
    private readonly standing: UserStanding,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async register(dto: RegisterDto): Promise<TokenResponse> {
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.users.createRegistered({
      email: dto.email,
      username: dto.username,
      displayName: dto.displayName ?? null,
      passwordHash,
    });
    return this.signIn(user);
  }

  async login(dto: LoginDto): Promise<TokenResponse> {
    await this.lockout.attempt(dto.email);
    const user = await this.users.findForSignIn(dto.email);
    const ok = user?.passwordHash
      ? await this.hasher.verify(user.passwordHash, dto.password)
      : await this.hasher.verifyNothing(dto.password);
    if (!user || !ok)
      throw new UnauthorizedError('INVALID_CREDENTIALS', 'The email or password is incorrect.');
    await this.lockout.succeeded(dto.email);
    return this.signIn(user);
  }

  async anonymous(): Promise<TokenResponse> {
    return this.signIn(await this.users.createAnonymous());
  }

  /** An anonymous account becomes a registered one; its earlier logins end and a new one starts. */
  async upgrade(principal: Principal, dto: UpgradeDto): Promise<TokenResponse> {
    const passwordHash = await this.hasher.hash(dto.password);
    const { user, endedSessions } = await this.users.upgrade(principal.userId, {
      email: dto.email,
      username: dto.username,
      passwordHash,
    });
    await this.revocations.revokeSessions([...endedSessions, principal.sessionId]);
    await this.standing.changed(user.id);
    return this.signIn(user);
  }

  async refresh(presented: string): Promise<TokenResponse> {
    const result = await this.refreshTokens.rotate(presented);
    if (result.outcome === 'reused') {
      await this.revocations.revokeSessions([result.familyId]);
      throw new UnauthorizedError(
        'TOKEN_REUSED',
        'This refresh token was already used; the login has been ended.',
      );
    }
    if (result.outcome === 'invalid') {
      throw new UnauthorizedError('UNAUTHORIZED', 'The refresh token is invalid, expired or revoked.');
    }
    const user = await this.users.findById(result.userId);
    if (!user) throw new UnauthorizedError('UNAUTHORIZED', 'The account no longer exists.');
    return this.tokens(user, result.familyId, result.token);
  }

  /** Ends the caller's login (its access and refresh tokens), and the login of the given refresh token if it is theirs. */
  async logout(principal: Principal, refreshToken?: string): Promise<void> {
    const sessions = new Set([principal.sessionId]);
    if (refreshToken) {
      const family = await this.refreshTokens.familyOf(refreshToken, principal.userId);
      if (family) sessions.add(family);
    }
    await this.revocations.revokeToken(principal.tokenId, principal.tokenExpiresAt);
    await this.revocations.revokeSessions([...sessions]);
    for (const family of sessions) await this.refreshTokens.revokeFamily(family);
  }

  async deleteAccount(principal: Principal): Promise<void> {
    const sessions = await this.users.deleteAccount(principal.userId);
    await this.revocations.revokeSessions([...sessions, principal.sessionId]);
    await this.standing.changed(principal.userId);
  }

  private async signIn(user: UserEntity): Promise<TokenResponse> {
    const { familyId, token } = await this.refreshTokens.startFamily(user.id);
    return this.tokens(user, familyId, token);
  }

  private async tokens(user: UserEntity, familyId: string, refreshToken: string): Promise<TokenResponse> {
    const { token } = await this.accessTokens.issue(user.id, familyId);
    return {
      accessToken: token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.config.auth.accessTtlSeconds,
      user: toUserResponse(user),
    };
  }
}
