import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../../config';
import { CacheService } from '../../../platform/cache/cache.service';
import type { Role } from '../domain/permissions';
import { UserEntity } from '../entities/user.entity';

export interface Standing {
  role: Role;
  isAnonymous: boolean;
}

const CACHE = 'auth-standing';
const LATE_READ_MS = 1000;

/**
 * A user's current role, read on every request and cached briefly. Every change (role, upgrade, deletion)
 * drops the cached copy on every instance, so it takes effect on the user's next request.
 */
@Injectable()
export class UserStanding implements OnApplicationShutdown {
  private readonly lateDeletes = new Set<NodeJS.Timeout>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: CacheService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** null when the account no longer exists. */
  of(userId: string): Promise<Standing | null> {
    return this.cache.wrap<Standing | null>(
      CACHE,
      userId,
      async () => {
        const user = await this.dataSource.manager.findOne(UserEntity, {
          where: { id: userId },
          select: { role: true, isAnonymous: true },
        });
        return user ? { role: user.role, isAnonymous: user.isAnonymous } : null;
      },
      this.config.auth.roleCacheTtlSeconds,
    );
  }

  async changed(userId: string): Promise<void> {
    await this.cache.delete(CACHE, userId);
    // A read that began before the change committed may store the old standing just after this delete.
    const timer = setTimeout(() => {
      this.lateDeletes.delete(timer);
      void this.cache.delete(CACHE, userId).catch(() => undefined);
    }, LATE_READ_MS).unref();
    this.lateDeletes.add(timer);
  }

  onApplicationShutdown(): void {
    for (const timer of this.lateDeletes) clearTimeout(timer);
    this.lateDeletes.clear();
  }
}
