import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SKILL_AXES } from '../../conversation';
import { ScenarioSummaryDto } from '../../scenario';
import { StrengthAnalysisView } from './strength-analysis.view';

const SCORES = `Integers 0-100 on ${SKILL_AXES.join(', ')}`;

export class JobAcceptedView {
  @ApiProperty({
    format: 'uuid',
    description:
      'Derived from you and the conversations analysed: asking again before anything changed returns the same job.',
  })
  jobId!: string;
}

export class AnalysisJobView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: ['queued', 'running', 'completed', 'failed'],
    description:
      '`queued` also while waiting for a retry; `failed` after 3 attempts (retries back off exponentially).',
  })
  status!: 'queued' | 'running' | 'completed' | 'failed';
  @ApiProperty({ description: 'Attempts that have ended so far (at most 3).' }) attempts!: number;
  @ApiPropertyOptional({
    type: StrengthAnalysisView,
    description: 'When completed: the analysis it produced.',
  })
  result?: StrengthAnalysisView;
  @ApiPropertyOptional({
    description:
      'When failed: why the last attempt failed, e.g. that none of the conversations can be read any more.',
  })
  error?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class ProgressPointView {
  @ApiProperty({
    format: 'date',
    description: 'First day of the bucket (UTC); the first bucket may start before `from`.',
  })
  periodStart!: string;
  @ApiProperty({ description: 'Conversations started in the bucket (within from..to).' })
  conversations!: number;
  @ApiProperty({ description: 'Your own messages sent in the bucket (within from..to).' }) messages!: number;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: `${SCORES}: the average of the latest feedback of each conversation assessed in the bucket; null when none was.`,
  })
  scores!: Record<string, number> | null;
}

export class ProgressView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: ['day', 'week', 'month'] }) bucket!: string;
  @ApiProperty({
    type: [ProgressPointView],
    description: 'Every bucket from `from` to `to`, oldest first, empty ones included.',
  })
  series!: ProgressPointView[];
}

export class RatedAxisView {
  @ApiProperty({ enum: SKILL_AXES }) axis!: string;
  @ApiProperty({ description: 'The axis name in the report locale.' }) label!: string;
  @ApiProperty() score!: number;
}

export class RecommendationView {
  @ApiProperty({ enum: SKILL_AXES }) axis!: string;
  @ApiProperty({ description: 'A concrete next step for this axis.' }) text!: string;
}

export class ReportTotalsView {
  @ApiProperty() conversations!: number;
  @ApiProperty({ description: 'Your own messages, all conversations.' }) learnerMessages!: number;
  @ApiProperty({ description: 'Conversations that have feedback.' }) assessedConversations!: number;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: `${SCORES}: average of each conversation's latest feedback.`,
  })
  averageScores!: Record<string, number> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstConversationAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastConversationAt!: string | null;
}

export class ReportAnalysisView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) analyzedAt!: string;
  @ApiProperty() basedOnConversations!: number;
  @ApiProperty({ enum: ['llm', 'heuristic'] }) generatedBy!: string;
  @ApiProperty({ type: String, nullable: true }) model!: string | null;
  @ApiProperty() feedback!: string;
}

export class ReportView {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({
    enum: ['ja', 'en'],
    description:
      'Language of headings, labels and next steps: the `locale` asked for, else that of your latest analysis, else ja.',
  })
  locale!: string;
  @ApiProperty({ type: ReportTotalsView }) totals!: ReportTotalsView;
  @ApiProperty({
    type: ReportAnalysisView,
    nullable: true,
    description: 'The latest strength analysis the report is built on; null before the first one.',
  })
  analysis!: ReportAnalysisView | null;
  @ApiProperty({ type: Object, nullable: true, description: `${SCORES} null before the first analysis.` })
  scores!: Record<string, number> | null;
  @ApiProperty({ type: [RatedAxisView], description: 'The three highest axes.' }) strengths!: RatedAxisView[];
  @ApiProperty({ type: [RatedAxisView], description: 'The three lowest axes, lowest first.' })
  weaknesses!: RatedAxisView[];
  @ApiProperty({ type: [RecommendationView], description: 'One next step per weakness.' })
  recommendations!: RecommendationView[];
  @ApiProperty({
    type: [ScenarioSummaryDto],
    description:
      'Public catalogue scenarios that train the weakest axes, chosen by the analysis; deleted ones drop out. ' +
      'Before the first analysis: beginner scenarios to start with.',
  })
  recommendedScenarios!: ScenarioSummaryDto[];
}

export class JobCountsView {
  @ApiProperty() queued!: number;
  @ApiProperty() running!: number;
  @ApiProperty({ description: 'Completed jobs still kept (7 days).' }) completed!: number;
  @ApiProperty({ description: 'Failed jobs still kept (7 days).' }) failed!: number;
}

export class AdminOverviewView {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'Users with at least one conversation.' }) learners!: number;
  @ApiProperty() conversations!: number;
  @ApiProperty({ example: { chat: 10, scenario: 5, watch: 2 } }) conversationsByMode!: Record<string, number>;
  @ApiProperty({ description: "Learners' own messages." }) learnerMessages!: number;
  @ApiProperty() assessedConversations!: number;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: `${SCORES}: average of each conversation's latest feedback.`,
  })
  averageScores!: Record<string, number> | null;
  @ApiProperty({ description: 'Strength analyses stored.' }) analyses!: number;
  @ApiProperty({ description: 'Learners with at least one analysis.' }) analysedLearners!: number;
  @ApiProperty({ type: JobCountsView, description: 'Analysis jobs by state.' }) analysisJobs!: JobCountsView;
}
