import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface MessageMetadata {
  provider?: string;
  model?: string;
  firstTokenMs?: number;
  totalMs?: number;
  moderated?: 'blocked_word' | 'repetition';
  /** The note the learner saw instead of a reply, so a retried send shows it again. */
  moderationNote?: string;
  opening?: boolean;
}

@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column({ name: 'conversation_id', type: 'uuid' }) conversationId!: string;
  @Column({ type: 'text' }) role!: 'user' | 'assistant';
  @Column({ type: 'text', nullable: true }) speaker!: string | null;
  @Column({ type: 'text' }) content!: string;
  @Column({ name: 'client_message_id', type: 'uuid', nullable: true }) clientMessageId!: string | null;
  /** For an assistant reply: the user message it answers. */
  @Column({ name: 'reply_to', type: 'uuid', nullable: true }) replyTo!: string | null;
  @Column({ type: 'jsonb', default: {} }) metadata!: MessageMetadata;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
}
