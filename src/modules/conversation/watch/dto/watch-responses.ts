import { ApiProperty } from '@nestjs/swagger';
import { MessageView, toMessageView } from '../../dto/responses';
import type { MessageEntity } from '../../entities/message.entity';
import type { WatchQuizEntity } from '../watch-quiz.entity';
import { WATCH_END_REASONS, type WatchEndReason, type WatchPersona } from '../watch-session';

export class WatchPersonaView {
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty() personality!: string;
}

export class WatchStartedView {
  @ApiProperty({ format: 'uuid', description: 'The id of the watch conversation.' }) sessionId!: string;
  @ApiProperty() theme!: string;
  @ApiProperty({ type: [WatchPersonaView], minItems: 2, maxItems: 2 }) personas!: WatchPersonaView[];
  @ApiProperty({ minimum: 1, maximum: 40 }) maxTurns!: number;
  @ApiProperty({ enum: ['ja', 'en'] }) locale!: 'ja' | 'en';
}

/** A Message of a watch session; AI turns carry their number. */
export class WatchMessageView extends MessageView {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The AI turn number (from 1); null for the learner’s messages.',
  })
  turn!: number | null;
}

export class WatchQuizView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ description: 'The AI turn the quiz follows (5, 10, ...).' }) afterTurn!: number;
  @ApiProperty() question!: string;
  @ApiProperty({ type: [String], minItems: 3, maxItems: 4 }) choices!: string[];
}

export class QuizResultView {
  @ApiProperty() correct!: boolean;
  @ApiProperty({ description: '0-based index of the correct choice.' }) correctChoice!: number;
  @ApiProperty() explanation!: string;
}

export class WatchJoinedView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ description: 'Whether the learner is now a participant.' }) joined!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'How the colleagues address the learner.' })
  learnerName!: string | null;
}

export class WatchStoppedView {
  @ApiProperty({ enum: ['stopped'] }) status!: 'stopped';
}

/** The learner's message; `moderation` is present when the message was held back from the colleagues. */
export class WatchLearnerMessageView extends WatchMessageView {
  @ApiProperty({
    required: false,
    description: '{ reason, note } when moderation kept the message from the colleagues.',
  })
  moderation?: { reason: string; note: string };
}

export class WatchEndView {
  @ApiProperty({ enum: WATCH_END_REASONS }) reason!: WatchEndReason;
}

export const toPersonaView = (p: WatchPersona): WatchPersonaView => ({
  name: p.name,
  role: p.role,
  personality: p.personality,
});

export const toWatchMessageView = (m: MessageEntity, turn: number | null): WatchMessageView => ({
  ...toMessageView(m),
  turn,
});

export const toQuizView = (q: WatchQuizEntity): WatchQuizView => ({
  id: q.id,
  sessionId: q.conversationId,
  afterTurn: q.afterTurn,
  question: q.question,
  choices: q.choices,
});
