import { Injectable, Logger } from '@nestjs/common';
import { LlmService } from '../../../platform/llm';
import { estimateTokens } from '../domain/prompt';
import type { ConversationEntity } from '../entities/conversation.entity';
import { toQuizView } from './dto/watch-responses';
import type { DriverLease } from './driver-lock';
import { offlineQuiz } from './domain/offline-quiz';
import { isUsableQuiz, QUIZ_SCHEMA, quizPrompt, quizWindow, type QuizDraft } from './domain/quiz';
import type { TranscriptEntry } from './domain/transcript';
import { WatchEventBus } from './watch-event-bus';
import { WatchStore } from './watch-store';
import { watchSettingsOf } from './watch-session';

/**
 * Writes the quiz of a checkpoint: the model's, when it answers with a usable one, else one built from the
 * transcript without a model. A quiz is a bonus: failing to write one never stops the session.
 */
@Injectable()
export class QuizWriter {
  private readonly logger = new Logger('QuizWriter');

  constructor(
    private readonly llm: LlmService,
    private readonly store: WatchStore,
    private readonly bus: WatchEventBus,
  ) {}

  /** Never throws: the turn before it is already stored and must not be taken again. */
  async write(
    session: ConversationEntity,
    entries: TranscriptEntry[],
    afterTurn: number,
    lease: DriverLease,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      await this.compose(session, entries, afterTurn, lease, signal);
    } catch (e) {
      if (!signal.aborted)
        this.logger.error(`no quiz after turn ${afterTurn} of ${session.id}: ${(e as Error).message}`);
    }
  }

  private async compose(
    session: ConversationEntity,
    entries: TranscriptEntry[],
    afterTurn: number,
    lease: DriverLease,
    signal: AbortSignal,
  ): Promise<void> {
    const settings = watchSettingsOf(session);
    const window = quizWindow(entries, afterTurn);
    const names = [
      settings.personas[0].name,
      settings.personas[1].name,
      ...(settings.learnerName ? [settings.learnerName] : []),
    ];
    const fromTranscript = () =>
      offlineQuiz({ locale: session.locale, afterTurn, window, names, seed: session.id });
    const messages = quizPrompt(session.locale, settings.theme, window);
    let draft: QuizDraft;
    try {
      const { value } = await this.llm.completeJson(
        { mode: 'watch', locale: session.locale, messages, seed: `${session.id}:quiz:${afterTurn}`, signal },
        { name: 'watch_quiz', schema: QUIZ_SCHEMA, offline: fromTranscript },
      );
      draft = isUsableQuiz(value) ? value : fromTranscript();
    } catch (e) {
      if (signal.aborted) return;
      this.logger.warn(
        `quiz after turn ${afterTurn} of ${session.id} written without the model: ${(e as Error).message}`,
      );
      draft = fromTranscript();
    }
    await this.store.addTokens(session.id, estimateTokens(JSON.stringify(draft)));
    if (signal.aborted || !(await lease.stillHeld())) return;
    const quiz = await this.store.saveQuiz(session.id, afterTurn, draft);
    if (quiz) this.bus.publish({ type: 'quiz', sessionId: session.id, quiz: toQuizView(quiz) });
  }
}
