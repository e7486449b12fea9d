import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A quiz shown after every few AI turns of a watch session. The correct choice never leaves the server unanswered. */
@Entity('watch_quizzes')
export class WatchQuizEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'conversation_id', type: 'uuid' }) conversationId!: string;
  @Column({ name: 'after_turn', type: 'int' }) afterTurn!: number;
  @Column({ type: 'text' }) question!: string;
  @Column({ type: 'jsonb' }) choices!: string[];
  @Column({ name: 'correct_choice', type: 'int' }) correctChoice!: number;
  @Column({ type: 'text' }) explanation!: string;
  @Column({ name: 'answered_choice', type: 'int', nullable: true }) answeredChoice!: number | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
}
