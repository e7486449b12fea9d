import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FeedbackPointAssessment } from '../domain/heuristic-feedback';
import type { SkillScores } from '../domain/skills';

@Entity('feedback')
export class FeedbackEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'conversation_id', type: 'uuid' }) conversationId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** The conversation's message count when assessed: an unchanged conversation reuses this feedback. */
  @Column({ name: 'message_count', type: 'int' }) messageCount!: number;
  @Column({ type: 'jsonb' }) scores!: SkillScores;
  @Column({ type: 'int' }) overall!: number;
  @Column({ type: 'jsonb' }) strengths!: string[];
  @Column({ type: 'jsonb' }) improvements!: string[];
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'feedback_points', type: 'jsonb', nullable: true }) feedbackPoints!:
    FeedbackPointAssessment[] | null;
  @Column({ name: 'generated_by', type: 'text' }) generatedBy!: 'llm' | 'heuristic';
  @Column({ type: 'text', nullable: true }) model!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
