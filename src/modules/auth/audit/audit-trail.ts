import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, pageOf } from '../../../shared';
import type { AuditQuery } from '../dto/admin.dto';
import { AuditEventEntity, type AuditAction } from '../entities/audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
  targetId: string | null;
  details?: Record<string, unknown>;
}

/** The record of role changes, operator-created accounts and account deletions. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records inside the caller's transaction, so the event exists exactly when the change does. */
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await manager.insert(AuditEventEntity, {
      id: randomUUID(),
      actorId: event.actorId,
      action: event.action,
      targetType: 'user',
      targetId: event.targetId,
      details: (event.details ?? {}) as object,
      createdAt: new Date(),
    });
  }

  async list(query: AuditQuery): Promise<Page<AuditEventEntity>> {
    const qb = this.dataSource.manager.createQueryBuilder(AuditEventEntity, 'e');
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.targetId) qb.andWhere('e.targetId = :targetId', { targetId: query.targetId });
    const [items, total] = await qb
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return pageOf(items, total, query);
  }
}
