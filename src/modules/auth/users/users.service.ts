import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { ConflictError, NotFoundError } from '../../../shared';
import { AuditTrail } from '../audit/audit-trail';
import type { Role } from '../domain/permissions';
import { UserEntity } from '../entities/user.entity';
import { RefreshTokens } from '../tokens/refresh-tokens';
import { assertIdentityFree, conflictFrom, lockNames, ROLE_CHANGES_LOCK } from './identity-locks';
import { AccountDeletion } from './account-deletion';
import { UserStanding } from './user-standing';

export interface NewAccount {
  email: string;
  username: string;
  displayName?: string | null;
  passwordHash: string;
  role?: Role;
}

export interface ProfileChanges {
  username?: string;
  displayName?: string | null;
  preferences?: Record<string, string>;
}

const identityNames = (identity: { email?: string; username?: string }): string[] => [
  ...(identity.email !== undefined ? [`auth:email:${identity.email}`] : []),
  ...(identity.username !== undefined ? [`auth:username:${identity.username.toLowerCase()}`] : []),
];

/** Accounts: creation, upgrade, profile, deletion. Passwords arrive here already hashed. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokens,
    private readonly audit: AuditTrail,
    private readonly accountDeletion: AccountDeletion,
    private readonly standing: UserStanding,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOne(UserEntity, { where: { id } });
  }

  /** The account with its password hash, for a sign-in check only. */
  findForSignIn(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  async createRegistered(account: NewAccount, manager?: EntityManager): Promise<UserEntity> {
    const run = async (m: EntityManager): Promise<UserEntity> => {
      await lockNames(m, identityNames(account));
      await assertIdentityFree(m, account);
      const id = randomUUID();
      const inserted = await this.insertIgnoringConflicts(m, {
        id,
        email: account.email,
        username: account.username,
        displayName: account.displayName ?? null,
        passwordHash: account.passwordHash,
        role: account.role ?? 'user',
        isAnonymous: false,
      });
      if (!inserted) {
        await assertIdentityFree(m, account);
        throw new ConflictError('CONFLICT', 'The account could not be created.');
      }
      return m.findOneOrFail(UserEntity, { where: { id } });
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** An account made by an operator (command line), of any role, recorded on the audit trail. */
  async createByOperator(account: NewAccount): Promise<UserEntity> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.createRegistered(account, m);
      await this.audit.record(m, {
        actorId: null,
        action: 'user.created',
        targetId: user.id,
        details: { role: user.role },
      });
      return user;
    });
  }

  /**
   * Sets a user's role, on the audit trail (actorId null: an operator). The last super admin cannot be
   * demoted. Every instance drops its cached copy, so the change applies on the user's next request.
   */
  async changeRole(targetId: string, role: Role, actorId: string | null): Promise<UserEntity> {
    const { user, changed } = await this.dataSource.transaction(async (m) => {
      await lockNames(m, [ROLE_CHANGES_LOCK]);
      const target = await m.findOne(UserEntity, {
        where: { id: targetId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!target) throw new NotFoundError('User');
      if (target.role === role) return { user: target, changed: false };
      if (target.role === 'super_admin') await assertAnotherSuperAdmin(m, targetId);
      await m.update(UserEntity, { id: targetId }, { role, updatedAt: new Date() });
      await this.audit.record(m, {
        actorId,
        action: 'user.role_changed',
        targetId,
        details: { from: target.role, to: role },
      });
      return { user: await m.findOneOrFail(UserEntity, { where: { id: targetId } }), changed: true };
    });
    if (changed) await this.standing.changed(targetId);
    return user;
  }

  /** A new anonymous account: no email, no password, a generated username. */
  async createAnonymous(): Promise<UserEntity> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = randomUUID();
      const inserted = await this.insertIgnoringConflicts(this.dataSource.manager, {
        id,
        email: null,
        username: `guest-${randomBytes(6).toString('hex')}`,
        displayName: null,
        passwordHash: null,
        role: 'user',
        isAnonymous: true,
      });
      if (inserted) return this.dataSource.manager.findOneOrFail(UserEntity, { where: { id } });
    }
    throw new ConflictError('CONFLICT', 'Could not generate a free username; try again.');
  }

  /**
   * Turns an anonymous account into a registered one, keeping its id and so all its data. Its logins end:
   * returns their ids so their access tokens can be revoked once this commits.
   */
  async upgrade(
    userId: string,
    change: { email: string; username?: string; passwordHash: string },
  ): Promise<{ user: UserEntity; endedSessions: string[] }> {
    return this.dataSource.transaction(async (m) => {
      await lockNames(m, identityNames(change));
      const user = await m.findOne(UserEntity, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundError('User');
      if (!user.isAnonymous)
        throw new ConflictError('ALREADY_REGISTERED', 'This account is already registered.');
      await assertIdentityFree(m, change, userId);
      await m
        .update(
          UserEntity,
          { id: userId },
          {
            email: change.email,
            username: change.username ?? user.username,
            passwordHash: change.passwordHash,
            isAnonymous: false,
            updatedAt: new Date(),
          },
        )
        .catch(conflictFrom);
      const endedSessions = await this.refreshTokens.revokeAllOf(userId, m);
      return { user: await m.findOneOrFail(UserEntity, { where: { id: userId } }), endedSessions };
    });
  }

  async updateProfile(userId: string, changes: ProfileChanges): Promise<UserEntity> {
    return this.dataSource.transaction(async (m) => {
      if (changes.username !== undefined) {
        await lockNames(m, identityNames({ username: changes.username }));
        await assertIdentityFree(m, { username: changes.username }, userId);
      }
      const patch: Partial<UserEntity> = { updatedAt: new Date() };
      if (changes.username !== undefined) patch.username = changes.username;
      if (changes.displayName !== undefined) patch.displayName = changes.displayName;
      if (changes.preferences !== undefined) patch.preferences = changes.preferences;
      const result = await m.update(UserEntity, { id: userId }, patch).catch(conflictFrom);
      if (!result.affected) throw new NotFoundError('User');
      return m.findOneOrFail(UserEntity, { where: { id: userId } });
    });
  }

  /**
   * Deletes the account and every row it owns in one transaction: auth's tables cascade from users, other
   * contexts' rows go through their AccountDeletion participants. The last super admin cannot leave.
   * Returns the logins that ended, so their access tokens can be revoked once this commits.
   */
  async deleteAccount(userId: string): Promise<string[]> {
    return this.dataSource.transaction(async (m) => {
      await lockNames(m, [ROLE_CHANGES_LOCK]);
      const user = await m.findOne(UserEntity, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundError('User');
      if (user.role === 'super_admin') await assertAnotherSuperAdmin(m, userId);
      const sessions = await this.refreshTokens.familiesOf(userId, m);
      await this.accountDeletion.run(userId, m);
      await m.delete(UserEntity, { id: userId });
      await this.audit.record(m, {
        actorId: userId,
        action: 'user.deleted',
        targetId: userId,
        details: { role: user.role },
      });
      return sessions;
    });
  }

  private async insertIgnoringConflicts(
    m: EntityManager,
    row: Omit<UserEntity, 'preferences' | 'createdAt' | 'updatedAt'>,
  ): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ ...row, preferences: {}, createdAt: new Date(), updatedAt: new Date() })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
}

/** 409 LAST_SUPER_ADMIN unless a super admin other than userId exists. Call under ROLE_CHANGES_LOCK. */
export async function assertAnotherSuperAdmin(m: EntityManager, userId: string): Promise<void> {
  const others = await m.count(UserEntity, { where: { role: 'super_admin', id: Not(userId) } });
  if (others === 0) {
    throw new ConflictError('LAST_SUPER_ADMIN', 'The last super admin cannot be demoted or deleted.');
  }
}
