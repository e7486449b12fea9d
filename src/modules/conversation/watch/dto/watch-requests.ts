import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MessageContentDto } from '../../dto/requests';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const NO_HTML = /^[^<>]*$/;

export class WatchPersonaDto {
  @ApiProperty({ minLength: 1, maxLength: 30 })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  @Matches(NO_HTML, { message: 'name must not contain HTML' })
  name!: string;
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'senior engineer' })
  @Transform(trim)
  @IsString()
  @Length(1, 80)
  @Matches(NO_HTML, { message: 'role must not contain HTML' })
  role!: string;
  @ApiProperty({ minLength: 1, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  @Matches(NO_HTML, { message: 'personality must not contain HTML' })
  personality!: string;
}

export class StartWatchDto {
  @ApiPropertyOptional({
    maxLength: 100,
    description: 'What the colleagues talk about; a workplace topic is chosen when absent.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(NO_HTML, { message: 'theme must not contain HTML' })
  theme?: string;
  @ApiPropertyOptional({
    type: [WatchPersonaDto],
    minItems: 2,
    maxItems: 2,
    description:
      'The two colleagues, with different names. Default: two colleagues with distinct personalities, named for the locale.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WatchPersonaDto)
  personas?: WatchPersonaDto[];
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 40,
    default: 10,
    description: 'The most AI turns the session takes.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(40)
  maxTurns?: number;
  @ApiPropertyOptional({ enum: ['ja', 'en'], default: 'ja' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  locale?: 'ja' | 'en';
}

export class WatchMessageDto extends MessageContentDto {}

export class WatchSessionIdDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() sessionId!: string;
}

/** `watch.message.send` over the socket: the session and the message in one payload. */
export class WatchSocketMessageDto extends WatchMessageDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() sessionId!: string;
}

export class QuizAnswerDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 3,
    description: '0-based index of the chosen answer.',
  })
  @IsInt()
  @Min(0)
  @Max(3)
  choice!: number;
}
