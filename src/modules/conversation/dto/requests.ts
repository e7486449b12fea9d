import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../shared';
import { IsPreferences } from '../../auth';

export const PARTNER_TYPES = ['colleague', 'senior', 'junior', 'manager', 'client'] as const;
export const SITUATIONS = ['lunch', 'break', 'morning', 'evening', 'party'] as const;
export const MODES = ['chat', 'scenario', 'watch'] as const;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class StartChatDto {
  @ApiPropertyOptional({ enum: PARTNER_TYPES, default: 'colleague' })
  @IsOptional()
  @IsIn(PARTNER_TYPES)
  partnerType?: (typeof PARTNER_TYPES)[number];
  @ApiPropertyOptional({ enum: SITUATIONS, default: 'break' })
  @IsOptional()
  @IsIn(SITUATIONS)
  situation?: (typeof SITUATIONS)[number];
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  @Matches(/^[^<>]*$/, { message: 'topic must not contain HTML' })
  topic?: string;
  @ApiPropertyOptional({ enum: ['ja', 'en'], default: 'ja' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  locale?: 'ja' | 'en';
}

/** A learner message: the same rules wherever it is sent (chat, scenario, watch; HTTP or socket). */
export class MessageContentDto {
  @ApiProperty({ minLength: 1, maxLength: 4000, description: 'Trimmed; HTML tags are rejected.' })
  @Transform(trim)
  @IsString()
  @Length(1, 4000, { message: 'content must be 1 to 4000 characters after trimming' })
  @Matches(/^(?![\s\S]*<\/?[a-z!][^>]*>)/i, { message: 'content must not contain HTML tags' })
  content!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Makes the send idempotent.' })
  @IsOptional()
  @IsUUID()
  clientMessageId?: string;
}

export class SendMessageDto extends MessageContentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() conversationId!: string;
}

export class ConversationIdDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() conversationId!: string;
}

export class HistoryQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() conversationId!: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;
  @ApiPropertyOptional({ format: 'uuid', description: 'Return messages older than this one.' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

export class StartScenarioDto {
  @ApiProperty({ description: 'Scenario id (or slug).' }) @IsString() @Length(1, 120) scenarioId!: string;
  @ApiPropertyOptional({ description: 'Required (true) for sensitive scenarios.' })
  @IsOptional()
  @IsBoolean()
  acknowledgeSensitive?: boolean;
  @ApiPropertyOptional({
    description: 'Free-form string preferences (at most 10 keys, values up to 200 characters).',
  })
  @IsOptional()
  @IsPreferences()
  preferences?: Record<string, string>;
}

export class UserHistoryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MODES }) @IsOptional() @IsIn(MODES) mode?: (typeof MODES)[number];
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

export class AdminConversationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ enum: MODES }) @IsOptional() @IsIn(MODES) mode?: (typeof MODES)[number];
}
