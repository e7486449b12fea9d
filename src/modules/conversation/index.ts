export { ConversationModule } from './conversation.module';
export { ConversationsService } from './conversations.service';
export { MessagingService, type SendOutcome } from './messaging.service';
export { FeedbackService } from './feedback.service';
export {
  LearnerActivityService,
  type ActivityBucket,
  type ActivityBucketSize,
  type ActivityTotals,
  type LearnerConversation,
  type LearnerTotals,
  type LearnerTranscript,
} from './learner-activity.service';
export { ConversationEvents, type ConversationEventMap } from './generation/conversation-events';
export { GenerationTracker } from './generation/generation-tracker';
export * from './events';
export * from './domain/skills';
export { heuristicFeedback, type TranscriptTurn } from './domain/heuristic-feedback';
export {
  toMessageView,
  toSummaryView,
  type MessageView,
  type ConversationSummaryView,
} from './dto/responses';
