import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../../config';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';

export type RotationResult =
  | { outcome: 'rotated'; userId: string; familyId: string; token: string }
  | { outcome: 'reused'; familyId: string }
  | { outcome: 'invalid'; reason: 'unknown' | 'revoked' | 'expired' };

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Long-lived opaque refresh tokens, stored as hashes. The tokens of one login form a family: each use
 * rotates the token, and presenting one that was already rotated revokes the whole family.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Starts a new login for the user and returns its first refresh token. */
  async startFamily(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ familyId: string; token: string }> {
    const familyId = randomUUID();
    // Expired tokens of the user are of no further use, not even for reuse detection.
    await manager.delete(RefreshTokenEntity, { userId, expiresAt: LessThan(new Date()) });
    const token = await this.insert(manager, userId, familyId);
    return { familyId, token };
  }

  /** Exchanges a refresh token for a new one of the same family. */
  async rotate(presented: string): Promise<RotationResult> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashRefreshToken(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { outcome: 'invalid', reason: 'unknown' };
      if (row.rotatedAt) {
        await this.revokeFamilyWith(manager, row.familyId);
        return { outcome: 'reused', familyId: row.familyId };
      }
      if (row.revokedAt) return { outcome: 'invalid', reason: 'revoked' };
      if (row.expiresAt.getTime() <= Date.now()) return { outcome: 'invalid', reason: 'expired' };
      await manager.update(RefreshTokenEntity, { id: row.id }, { rotatedAt: new Date() });
      const token = await this.insert(manager, row.userId, row.familyId);
      return { outcome: 'rotated', userId: row.userId, familyId: row.familyId, token };
    });
  }

  /** The family of a token, if the token is the user's. */
  async familyOf(presented: string, userId: string): Promise<string | undefined> {
    const row = await this.dataSource.manager.findOne(RefreshTokenEntity, {
      where: { tokenHash: hashRefreshToken(presented), userId },
      select: { familyId: true },
    });
    return row?.familyId;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.revokeFamilyWith(this.dataSource.manager, familyId);
  }

  /** Revokes every live family of the user; returns their ids so their access tokens can be revoked too. */
  async revokeAllOf(userId: string, manager: EntityManager): Promise<string[]> {
    const rows: { family_id: string }[] = await manager.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING family_id`,
      [userId],
    );
    return [...new Set(rows.map((r) => r.family_id))];
  }

  /** Every family id of the user that may still have live access tokens. */
  async familiesOf(userId: string, manager: EntityManager): Promise<string[]> {
    const rows: { family_id: string }[] = await manager.query(
      `SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return rows.map((r) => r.family_id);
  }

  private async revokeFamilyWith(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async insert(manager: EntityManager, userId: string, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await manager.insert(RefreshTokenEntity, {
      id: randomUUID(),
      familyId,
      userId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(now + this.config.auth.refreshTtlSeconds * 1000),
      createdAt: new Date(now),
      rotatedAt: null,
      revokedAt: null,
    });
    return token;
  }
}
