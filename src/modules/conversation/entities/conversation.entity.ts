import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ConversationMode = 'chat' | 'scenario' | 'watch';
export type Locale = 'ja' | 'en';

@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) mode!: ConversationMode;
  @Column({ name: 'scenario_id', type: 'uuid', nullable: true }) scenarioId!: string | null;
  /** The scenario as it was when the conversation started, so later edits or deletion do not change it. */
  @Column({ name: 'scenario_snapshot', type: 'jsonb', nullable: true }) scenarioSnapshot!: Record<
    string,
    unknown
  > | null;
  @Column({ type: 'jsonb', default: {} }) settings!: Record<string, unknown>;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ name: 'message_count', type: 'int', default: 0 }) messageCount!: number;
  @Column({ name: 'learner_message_count', type: 'int', default: 0 }) learnerMessageCount!: number;
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true }) lastMessageAt!: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason!: string | null;
}
