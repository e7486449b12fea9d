import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsOmittable } from '../../../platform/http/validation';
import { ROLES, type Role } from '../domain/permissions';
import type { UserEntity } from '../entities/user.entity';
import { IsPreferences, MAX_PREFERENCES, Trim, USERNAME_MESSAGE, USERNAME_PATTERN } from './validators';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for anonymous accounts' }) email!:
    string | null;
  @ApiProperty() username!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() isAnonymous!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { locale: 'ja' } })
  preferences!: Record<string, string>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    isAnonymous: user.isAnonymous,
    preferences: user.preferences,
    createdAt: user.createdAt.toISOString(),
  };
}

export class TokenResponse {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`.' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque; single use: each refresh returns a new one.' }) refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 1800, description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ pattern: USERNAME_PATTERN.source })
  @IsOmittable()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: 'null clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  displayName?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 200 },
    maxProperties: MAX_PREFERENCES,
    description: 'Replaces the stored preferences as a whole.',
  })
  @IsOmittable()
  @IsPreferences()
  preferences?: Record<string, string>;
}
