import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../../shared';
import {
  CATEGORY_DESCRIPTION,
  DIFFICULTIES,
  LOCALES,
  type Category,
  type Difficulty,
  type Locale,
} from '../domain/scenario-content';
import { LIMITS, Trim } from './input-rules';

/** `GET /scenarios` filters; every given filter must match. */
export class ListScenariosQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DIFFICULTIES })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;

  @ApiPropertyOptional({
    maxLength: LIMITS.category,
    description: `Scenarios of exactly this category. ${CATEGORY_DESCRIPTION}`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, LIMITS.category)
  category?: Category;

  @ApiPropertyOptional({ maxLength: LIMITS.tag, description: 'Scenarios carrying exactly this tag.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, LIMITS.tag)
  tag?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    maxLength: LIMITS.query,
    description:
      'Free text found anywhere in the title, description or tags, case-insensitively; any part of a Japanese word matches.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, LIMITS.query)
  q?: string;
}
