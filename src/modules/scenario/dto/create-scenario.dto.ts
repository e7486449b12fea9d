import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  CATEGORY_DESCRIPTION,
  DIFFICULTIES,
  LOCALES,
  ROLE_TYPES,
  VISIBILITIES,
  type Category,
  type Difficulty,
  type Locale,
  type RoleType,
  type Visibility,
} from '../domain/scenario-content';
import { IsOmittable } from '../../../platform/http/validation';
import { IsSlug, LIMITS, NormalizeSlug, Text, Trim } from './input-rules';

export class CharacterInputDto {
  @ApiPropertyOptional({ maxLength: LIMITS.name, example: '山本 課長' })
  @IsOmittable()
  @Text(1, LIMITS.name)
  name?: string;

  @ApiProperty({ maxLength: LIMITS.characterText })
  @Text(1, LIMITS.characterText)
  personality!: string;

  @ApiProperty({ maxLength: LIMITS.characterText })
  @Text(1, LIMITS.characterText)
  speakingStyle!: string;

  @ApiProperty({ maxLength: LIMITS.situation })
  @Text(1, LIMITS.situation)
  situation!: string;

  @ApiProperty({ maxLength: LIMITS.characterText, description: "The character's opening line." })
  @Text(1, LIMITS.characterText)
  initialApproach!: string;
}

export class CreateScenarioDto {
  @ApiPropertyOptional({
    maxLength: LIMITS.slug,
    description:
      'Generated from the title when absent (Japanese titles give Japanese slugs), with a numeric suffix if taken. ' +
      'An explicit slug that is taken answers 409 SLUG_TAKEN.',
  })
  @IsOmittable()
  @NormalizeSlug()
  @IsString()
  @IsSlug()
  slug?: string;

  @ApiProperty({ maxLength: LIMITS.title })
  @Text(1, LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: LIMITS.description })
  @Text(1, LIMITS.description)
  description!: string;

  @ApiProperty({ enum: DIFFICULTIES })
  @IsIn(DIFFICULTIES)
  difficulty!: Difficulty;

  @ApiProperty({ maxLength: LIMITS.category, example: 'feedback', description: CATEGORY_DESCRIPTION })
  @Text(1, LIMITS.category)
  category!: Category;

  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES)
  locale!: Locale;

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.tags, default: [] })
  @IsOmittable()
  @Trim()
  @IsArray()
  @ArrayMaxSize(LIMITS.tags)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, LIMITS.tag, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    default: false,
    description:
      'Asks for consent before a conversation starts. Always true for the harassment-prevention category.',
  })
  @IsOmittable()
  @IsBoolean()
  sensitive?: boolean;

  @ApiPropertyOptional({ enum: ROLE_TYPES, default: 'standard' })
  @IsOmittable()
  @IsIn(ROLE_TYPES)
  roleType?: RoleType;

  @ApiPropertyOptional({ maxLength: LIMITS.role, default: '' })
  @IsOmittable()
  @Text(0, LIMITS.role)
  aiRole?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.role, default: '' })
  @IsOmittable()
  @Text(0, LIMITS.role)
  userRole?: string;

  @ApiProperty({ type: CharacterInputDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CharacterInputDto)
  character!: CharacterInputDto;

  @ApiProperty({ type: [String], minItems: 1, maxItems: LIMITS.points })
  @Trim()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.points)
  @IsString({ each: true })
  @Length(1, LIMITS.point, { each: true })
  learningPoints!: string[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: LIMITS.points })
  @Trim()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.points)
  @IsString({ each: true })
  @Length(1, LIMITS.point, { each: true })
  feedbackPoints!: string[];

  @ApiPropertyOptional({
    enum: VISIBILITIES,
    default: 'private',
    description: 'Only admins may set "public" (403 FORBIDDEN for others).',
  })
  @IsOmittable()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;
}
