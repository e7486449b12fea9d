import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '../../../shared';
import { ScenarioSummaryDto } from '../../scenario';
import { inAxisOrder } from '../domain/skills';
import type { ConversationEntity, ConversationMode } from '../entities/conversation.entity';
import type { FeedbackEntity } from '../entities/feedback.entity';
import type { MessageEntity } from '../entities/message.entity';

export class MessageView {
  @ApiProperty() id!: string;
  @ApiProperty() conversationId!: string;
  @ApiProperty({ enum: ['user', 'assistant'] }) role!: 'user' | 'assistant';
  @ApiProperty({ nullable: true, type: String }) speaker!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ nullable: true, type: String }) clientMessageId!: string | null;
  @ApiProperty() createdAt!: string;
}

export class ConversationSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['chat', 'scenario', 'watch'] }) mode!: string;
  @ApiProperty({ nullable: true, type: String }) scenarioId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty() messageCount!: number;
  @ApiProperty({ nullable: true, type: String }) lastMessageAt!: string | null;
}

export class ConversationSummaryPage implements Page<ConversationSummaryView> {
  @ApiProperty({ type: [ConversationSummaryView] }) items!: ConversationSummaryView[];
  @ApiProperty({ description: 'Number of matching conversations across all pages.' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class ConversationDetailView extends ConversationSummaryView {
  @ApiProperty({ type: [MessageView], description: 'Oldest first.' }) messages!: MessageView[];
}

export class ConversationStartedView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ enum: ['chat', 'scenario', 'watch'] }) mode!: ConversationMode;
  @ApiPropertyOptional({ type: ScenarioSummaryDto, description: 'For scenario conversations.' })
  scenario?: ScenarioSummaryDto;
  @ApiProperty({ type: [MessageView], description: 'The opening assistant Message.' })
  messages!: MessageView[];
}

export class HistoryView {
  @ApiProperty({ type: ConversationSummaryView }) conversation!: ConversationSummaryView;
  @ApiProperty({ type: [MessageView], description: 'Oldest to newest.' }) items!: MessageView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `before` for the older page; null when there is none.',
  })
  nextBefore!: string | null;
}

export class ModerationView {
  @ApiProperty({ description: 'Why the message was stopped.' }) reason!: string;
  @ApiProperty({ description: 'A note for the learner.' }) note!: string;
}

/** The answer to a learner message sent over HTTP as JSON. */
export class ExchangeView {
  @ApiProperty({ type: MessageView, description: 'The stored learner Message.' }) userMessage!: MessageView;
  @ApiProperty({
    type: MessageView,
    nullable: true,
    description: 'The assistant Message; null when moderation stopped the learner message.',
  })
  reply!: MessageView | null;
  @ApiPropertyOptional({ type: ModerationView, description: 'Present when moderation stopped the message.' })
  moderation?: ModerationView;
}

export class FeedbackView {
  @ApiProperty() id!: string;
  @ApiProperty() conversationId!: string;
  @ApiProperty({
    description:
      'Integers 0-100 on empathy, clarity, activeListening, adaptability, positivity, professionalism.',
  })
  scores!: Record<string, number>;
  @ApiProperty() overall!: number;
  @ApiProperty({ type: [String] }) strengths!: string[];
  @ApiProperty({ type: [String] }) improvements!: string[];
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({
    description: '[{ point, met: true|false|null, comment }] for scenario conversations.',
  })
  feedbackPoints?: Array<{ point: string; met: boolean | null; comment: string }>;
  @ApiProperty({ enum: ['llm', 'heuristic'] }) generatedBy!: 'llm' | 'heuristic';
  @ApiProperty({ nullable: true, type: String }) model!: string | null;
  @ApiProperty() createdAt!: string;
}

export const toMessageView = (m: MessageEntity): MessageView => ({
  id: m.id,
  conversationId: m.conversationId,
  role: m.role,
  speaker: m.speaker,
  content: m.content,
  clientMessageId: m.clientMessageId,
  createdAt: new Date(m.createdAt).toISOString(),
});

export const toSummaryView = (c: ConversationEntity): ConversationSummaryView => ({
  id: c.id,
  mode: c.mode,
  scenarioId: c.scenarioId,
  title: c.title,
  startedAt: new Date(c.startedAt).toISOString(),
  endedAt: c.endedAt ? new Date(c.endedAt).toISOString() : null,
  messageCount: c.messageCount,
  lastMessageAt: c.lastMessageAt ? new Date(c.lastMessageAt).toISOString() : null,
});

export const toFeedbackView = (f: FeedbackEntity): FeedbackView => {
  const view: FeedbackView = {
    id: f.id,
    conversationId: f.conversationId,
    scores: inAxisOrder(f.scores),
    overall: f.overall,
    strengths: f.strengths,
    improvements: f.improvements,
    summary: f.summary,
    generatedBy: f.generatedBy,
    model: f.model,
    createdAt: new Date(f.createdAt).toISOString(),
  };
  if (f.feedbackPoints) view.feedbackPoints = f.feedbackPoints;
  return view;
};
