import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, pageOf } from '../../../shared';
import type { AdminUsersQuery } from '../dto/admin.dto';
import { UserEntity } from '../entities/user.entity';

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The admins' list of accounts: newest first, filtered by a search text and a role. */
@Injectable()
export class UserSearch {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AdminUsersQuery): Promise<Page<UserEntity>> {
    const qb = this.dataSource.manager.createQueryBuilder(UserEntity, 'u');
    if (query.q) {
      qb.andWhere('(u.email ILIKE :q OR u.username ILIKE :q OR u.displayName ILIKE :q)', {
        q: likePattern(query.q),
      });
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    const [items, total] = await qb
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return pageOf(items, total, query);
  }
}
