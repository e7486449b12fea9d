/** Published (in-process, after commit) when a conversation ends; analytics listens. */
export const CONVERSATION_ENDED = 'conversation.ended';
export const FEEDBACK_GENERATED = 'conversation.feedback-generated';

/** `completed`: the conversation ran its course (a watch session reached its turn cap, its natural end or its budget). */
export type EndReason = 'explicit' | 'idle' | 'deleted' | 'completed';

export interface ConversationEnded {
  conversationId: string;
  userId: string;
  mode: 'chat' | 'scenario' | 'watch';
  scenarioId: string | null;
  messageCount: number;
  learnerMessageCount: number;
  startedAt: string;
  endedAt: string;
  reason: EndReason;
}

export interface FeedbackGenerated {
  feedbackId: string;
  conversationId: string;
  userId: string;
  overall: number;
  generatedBy: 'llm' | 'heuristic';
}
