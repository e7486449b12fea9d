import { createHash } from 'node:crypto';
import type { LearnerConversation } from '../../conversation';

/** Exactly what an analysis reads: each conversation cut at a message count, and the feedback it had then. */
export interface AnalysisInput {
  conversations: Array<{ id: string; messageCount: number; feedbackId: string | null }>;
}

export function analysisInputOf(window: LearnerConversation[]): AnalysisInput {
  return {
    conversations: window.map((c) => ({ id: c.id, messageCount: c.messageCount, feedbackId: c.feedbackId })),
  };
}

/** Same conversations at the same length with the same feedback give the same hash, in any process. */
export function inputHash(input: AnalysisInput): string {
  const canonical = input.conversations.map((c) => [c.id, c.messageCount, c.feedbackId ?? '']);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
