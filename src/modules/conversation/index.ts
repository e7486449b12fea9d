export { ConversationModule } from './conversation.module';
export {
  LearnerActivityService,
  type ActivityBucket,
  type ActivityBucketSize,
  type ActivityTotals,
  type LearnerConversation,
  type LearnerTotals,
  type LearnerTranscript,
} from './learner-activity.service';
export * from './events';
export * from './domain/skills';
export { heuristicFeedback, type TranscriptTurn } from './domain/heuristic-feedback';
