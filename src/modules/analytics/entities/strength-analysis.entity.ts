import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SkillScores } from '../../conversation';
import type { AxisScore } from '../domain/axis-ranking';
import type { Evidence } from '../domain/strength-scoring';

@Entity('strength_analyses')
export class StrengthAnalysisEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'jsonb' }) scores!: SkillScores;
  @Column({ name: 'top_strengths', type: 'jsonb' }) topStrengths!: AxisScore[];
  @Column({ type: 'text' }) feedback!: string;
  @Column({ name: 'based_on_conversations', type: 'int' }) basedOnConversations!: number;
  @Column({ name: 'conversation_ids', type: 'jsonb' }) conversationIds!: string[];
  @Column({ type: 'jsonb' }) evidence!: Evidence;
  /** Chosen when the analysis ran, so the feedback text and the report name the same scenarios. */
  @Column({ name: 'recommended_scenario_ids', type: 'jsonb' }) recommendedScenarioIds!: string[];
  @Column({ type: 'text' }) locale!: 'ja' | 'en';
  /** Hash of the analysed input: one analysis per learner and input. */
  @Column({ name: 'input_hash', type: 'text' }) inputHash!: string;
  /** When the input was read from the conversations: the latest analysis is the one of the newest input. */
  @Column({ name: 'input_captured_at', type: 'timestamptz' }) inputCapturedAt!: Date;
  @Column({ name: 'generated_by', type: 'text' }) generatedBy!: 'llm' | 'heuristic';
  @Column({ type: 'text', nullable: true }) model!: string | null;
  @Column({ name: 'analyzed_at', type: 'timestamptz', default: () => 'now()' }) analyzedAt!: Date;
}
