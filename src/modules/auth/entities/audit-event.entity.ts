import { Column, Entity, PrimaryColumn } from 'typeorm';

export const AUDIT_ACTIONS = ['user.role_changed', 'user.deleted', 'user.created'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what to which account, and when. Holds ids and roles only, never personal data. */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) action!: AuditAction;
  @Column({ name: 'target_type', type: 'text' }) targetType!: string;
  @Column({ name: 'target_id', type: 'uuid', nullable: true }) targetId!: string | null;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
