import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class CharacterDto {
  @ApiPropertyOptional({ example: '山本 課長' }) name?: string;
  @ApiProperty({ description: 'Who the AI character is and how they behave.' }) personality!: string;
  @ApiProperty({ description: 'How the AI character talks: register, phrases, pace.' })
  speakingStyle!: string;
  @ApiProperty({ description: 'The situation the conversation starts in.' }) situation!: string;
  @ApiProperty({
    description:
      "The character's opening line. Empty for some imported scenarios that had none; the conversation then opens from the situation.",
  })
  initialApproach!: string;
}

/** A scenario as clients see it in lists: everything but the character. */
export class ScenarioSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    example: 'clarify-vague-request',
    description: 'Unique, URL-safe; may contain Japanese letters.',
  })
  slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: DIFFICULTIES }) difficulty!: Difficulty;
  @ApiProperty({ example: 'feedback', description: CATEGORY_DESCRIPTION }) category!: Category;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: LOCALES }) locale!: Locale;
  @ApiProperty({
    description: "Sensitive scenarios (all harassment-prevention ones) need the learner's consent to start.",
  })
  sensitive!: boolean;
  @ApiProperty({
    enum: ROLE_TYPES,
    description: '`reverse`: the learner plays the manager, the AI plays the report.',
  })
  roleType!: RoleType;
  @ApiProperty({ description: 'The part the AI plays.' }) aiRole!: string;
  @ApiProperty({ description: 'The part the learner plays.' }) userRole!: string;
  @ApiProperty({ type: [String] }) learningPoints!: string[];
  @ApiProperty({ type: [String], description: 'What the feedback on a conversation checks.' })
  feedbackPoints!: string[];
  @ApiProperty({ enum: VISIBILITIES }) visibility!: Visibility;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for the built-in library and imports.',
  })
  createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ScenarioDto extends ScenarioSummaryDto {
  @ApiProperty({ type: CharacterDto }) character!: CharacterDto;
}

export class ScenarioPageDto {
  @ApiProperty({ type: [ScenarioSummaryDto] }) items!: ScenarioSummaryDto[];
  @ApiProperty({ description: 'Number of matching scenarios across all pages.' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
