import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../shared';
import { ROLES, type Role } from '../domain/permissions';
import { AUDIT_ACTIONS, type AuditAction, type AuditEventEntity } from '../entities/audit-event.entity';
import { UserResponse } from './user.dto';

export class AdminUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the email, username or display name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  targetId?: string;
}

export class UserPage {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'null when an operator acted from the command line',
  })
  actorId!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty({ example: 'user' }) targetType!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) targetId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { from: 'user', to: 'admin' } })
  details!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export function toAuditEventResponse(e: AuditEventEntity): AuditEventResponse {
  return {
    id: e.id,
    actorId: e.actorId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    details: e.details,
    createdAt: e.createdAt.toISOString(),
  };
}

export class AuditPage {
  @ApiProperty({ type: [AuditEventResponse] }) items!: AuditEventResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
