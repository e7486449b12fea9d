import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../domain/permissions';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text' }) username!: string;
  @Column({ name: 'display_name', type: 'text', nullable: true }) displayName!: string | null;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash?:
    string | null;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'is_anonymous', type: 'boolean' }) isAnonymous!: boolean;
  @Column({ type: 'jsonb' }) preferences!: Record<string, string>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
