import { ApiProperty } from '@nestjs/swagger';
import { inAxisOrder, SKILL_AXES } from '../../conversation';
import type { StrengthAnalysisEntity } from '../entities/strength-analysis.entity';

const SCORES_DESCRIPTION = `Integers 0-100 on ${SKILL_AXES.join(', ')}.`;

export class AxisScoreView {
  @ApiProperty({ enum: SKILL_AXES }) axis!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
}

export class EvidenceQuoteView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ description: "The learner's own words, shortened to 160 characters." }) quote!: string;
}

export class StrengthAnalysisView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    description: SCORES_DESCRIPTION,
    example: Object.fromEntries(SKILL_AXES.map((a) => [a, 60])),
  })
  scores!: Record<string, number>;
  @ApiProperty({
    type: [AxisScoreView],
    description: 'The three highest axes, highest first (ties in axis order).',
  })
  topStrengths!: AxisScoreView[];
  @ApiProperty({
    description:
      'Strengths, two concrete next steps and recommended scenarios, in the locale of the newest conversation.',
  })
  feedback!: string;
  @ApiProperty({ description: 'How many conversations the analysis read.' }) basedOnConversations!: number;
  @ApiProperty({ format: 'date-time' }) analyzedAt!: string;
  @ApiProperty({
    description:
      'Per axis, up to 2-3 quotes of the learner that show the skill: `{ empathy: [{ conversationId, quote }], ... }`.',
    example: {
      clarity: [
        { conversationId: '00000000-0000-4000-8000-000000000000', quote: 'I will send it by Friday 5 pm.' },
      ],
    },
  })
  evidence!: Record<string, EvidenceQuoteView[]>;
  @ApiProperty({
    enum: ['llm', 'heuristic'],
    description: '`heuristic`: the deterministic scorer (no model configured, or it failed).',
  })
  generatedBy!: 'llm' | 'heuristic';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'provider/model for `llm`, null for `heuristic`.',
  })
  model!: string | null;
}

/** jsonb does not keep key order; clients get the axes in their fixed order. */
export function toStrengthAnalysisView(e: StrengthAnalysisEntity): StrengthAnalysisView {
  return {
    id: e.id,
    scores: inAxisOrder(e.scores),
    topStrengths: e.topStrengths,
    feedback: e.feedback,
    basedOnConversations: e.basedOnConversations,
    analyzedAt: new Date(e.analyzedAt).toISOString(),
    evidence: inAxisOrder(e.evidence),
    generatedBy: e.generatedBy,
    model: e.model,
  };
}
