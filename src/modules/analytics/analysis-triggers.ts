import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  CONVERSATION_ENDED,
  FEEDBACK_GENERATED,
  type ConversationEnded,
  type FeedbackGenerated,
} from '../conversation';
import { AnalysisJobs } from './analysis-jobs';

/** Re-analyses a learner whenever their conversations give new evidence: one ends, or gets feedback. */
@Injectable()
export class AnalysisTriggers {
  private readonly logger = new Logger('AnalysisTriggers');

  constructor(private readonly jobs: AnalysisJobs) {}

  @OnEvent(CONVERSATION_ENDED)
  async onConversationEnded(event: ConversationEnded): Promise<void> {
    await this.enqueue(event.userId, `conversation ${event.conversationId} ended`);
  }

  @OnEvent(FEEDBACK_GENERATED)
  async onFeedbackGenerated(event: FeedbackGenerated): Promise<void> {
    await this.enqueue(event.userId, `feedback on ${event.conversationId}`);
  }

  // A listener's failure must not reach the publisher: the conversation change has already been committed.
  private async enqueue(userId: string, why: string): Promise<void> {
    try {
      const queued = await this.jobs.request(userId);
      if (queued?.created) this.logger.debug(`analysis ${queued.jobId} queued after ${why}`);
    } catch (e) {
      this.logger.warn(`could not queue an analysis after ${why}: ${(e as Error).message}`);
    }
  }
}
