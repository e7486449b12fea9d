import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { ExpiringStoreModule } from '../../platform/expiring-store/expiring-store.module';
import { ApiThrottlerGuard, RateLimitModule } from '../../platform/rate-limit';
import { SecretManager } from '../../platform/secrets/secret-manager';
import { SecretsModule } from '../../platform/secrets/secrets.module';
import { UserSearch } from './admin/user-search';
import { AuditTrail } from './audit/audit-trail';
import { AuthService } from './auth.service';
import { AuditEventEntity } from './entities/audit-event.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { PermissionsGuard } from './guards/permissions.guard';
import { AdminUsersController } from './http/admin-users.controller';
import { AuthController } from './http/auth.controller';
import { UsersController } from './http/users.controller';
import { AccessTokens, JWT_ALGORITHM } from './tokens/access-tokens';
import { Authenticator } from './tokens/authenticator';
import { resolveJwtSecret } from './tokens/jwt-secret';
import { RefreshTokens } from './tokens/refresh-tokens';
import { RevocationList } from './tokens/revocation-list';
import { AccountDeletion } from './users/account-deletion';
import { LoginLockout } from './users/login-lockout';
import { PasswordHasher } from './users/password-hasher';
import { UserStanding } from './users/user-standing';
import { UsersService } from './users/users.service';

/**
 * Accounts, tokens, roles and permissions. Installs the global guards in their order: authentication
 * (who is calling), rate limits (counted per caller), permissions (may they).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, AuditEventEntity]),
    SecretsModule,
    ExpiringStoreModule,
    RateLimitModule,
    JwtModule.registerAsync({
      imports: [SecretsModule],
      inject: [APP_CONFIG, SecretManager],
      useFactory: async (config: AppConfig, secrets: SecretManager) => {
        const logger = new Logger('Auth');
        const secret = await resolveJwtSecret(config, secrets, (message) => logger.warn(message));
        return {
          secret,
          signOptions: { algorithm: JWT_ALGORITHM },
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        };
      },
    }),
  ],
  controllers: [AuthController, UsersController, AdminUsersController],
  providers: [
    AuthService,
    UsersService,
    UserSearch,
    AuditTrail,
    AccountDeletion,
    PasswordHasher,
    LoginLockout,
    UserStanding,
    AccessTokens,
    RefreshTokens,
    RevocationList,
    Authenticator,
    JwtAuthGuard,
    PermissionsGuard,
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useExisting: ApiThrottlerGuard },
    { provide: APP_GUARD, useExisting: PermissionsGuard },
  ],
  exports: [Authenticator, AccountDeletion, UsersService],
})
export class AuthModule {}
