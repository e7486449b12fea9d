import { Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../../config';
import { LlmService } from '../../../platform/llm';
import { DomainError } from '../../../shared';
import { estimateTokens } from '../domain/prompt';
import type { ConversationEntity } from '../entities/conversation.entity';
import { ReplyGenerator } from '../generation/reply-generator';
import { toWatchMessageView } from './dto/watch-responses';
import type { DriverLease } from './driver-lock';
import { isQuizCheckpoint } from './domain/quiz';
import {
  aiTurnCount,
  cleanLine,
  nextSpeaker,
  pendingLearnerLines,
  type TranscriptEntry,
} from './domain/transcript';
import { personaFor, turnPrompt } from './domain/turn-prompt';
import { QuizWriter } from './quiz-writer';
import { WatchEventBus } from './watch-event-bus';
import { WatchStore, type NumberedMessage } from './watch-store';
import { watchSettingsOf } from './watch-session';

export type TurnOutcome = 'taken' | 'stale' | 'lost';

/** One AI turn of a watch session: the next colleague speaks, the line is stored and published, a quiz may follow. */
@Injectable()
export class TurnTaker {
  private readonly logger = new Logger('TurnTaker');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly llm: LlmService,
    private readonly replies: ReplyGenerator,
    private readonly store: WatchStore,
    private readonly bus: WatchEventBus,
    private readonly quizzes: QuizWriter,
  ) {}

  /**
   * Takes the next turn. `stale`: the learner spoke while the line was being written, so it was dropped and
   * the turn must be taken again, answering them (unless `keepStale`); `lost`: the driver lost the session.
   */
  async take(
    session: ConversationEntity,
    lines: NumberedMessage[],
    lease: DriverLease,
    signal: AbortSignal,
    keepStale = false,
  ): Promise<TurnOutcome> {
    const settings = watchSettingsOf(session);
    const entries = this.store.entriesOf(session, lines);
    const turn = aiTurnCount(entries) + 1;
    const speaker = nextSpeaker(entries);
    const context = {
      locale: session.locale,
      theme: settings.theme,
      personas: settings.personas,
      speaker,
      learnerName: settings.learnerName,
      entries,
      turn,
      maxTurns: settings.maxTurns,
      budgetTokens: this.config.conversation.promptTokenBudget,
    };
    const messages = turnPrompt(context);
    const persona = personaFor(context);
    const { chunks, done } = this.llm.stream({
      mode: 'watch',
      locale: session.locale,
      messages,
      persona,
      seed: session.id,
      signal,
    });
    for await (const _ of chunks) {
      // drained: a turn is published whole
    }
    const result = await done;
    // The budget counts what the session generates, kept or not; prompts are bounded by maxTurns × the prompt budget.
    await this.store
      .addTokens(session.id, estimateTokens(result.text))
      .catch((e: Error) => this.logger.warn(`token use not counted: ${e.message}`));
    const content = cleanLine(result.text, settings.personas[speaker].name);
    if (!content) throw new DomainError('unavailable', 'LLM_UNAVAILABLE', 'The AI returned an empty line.');
    // Checked just before the write: a driver that lost the session must not add a turn the new one also takes.
    if (signal.aborted || !(await lease.stillHeld())) return 'lost';
    if (!keepStale && (await this.store.learnerSpokeSince(session.id, lines.at(-1)?.message.seq ?? '0'))) {
      return 'stale';
    }

    const answered = pendingLearnerLines(entries).at(-1);
    const stored = await this.replies.store(session, {
      role: 'assistant',
      speaker: settings.personas[speaker].name,
      content,
      replyTo: answered?.id ?? null,
      metadata: {
        provider: result.provider,
        model: result.model,
        firstTokenMs: result.firstTokenMs,
        totalMs: result.totalMs,
      },
    });
    // The turn is stored: nothing after this may fail it, or the driver would take it again.
    this.bus.publish({
      type: 'ai.message',
      sessionId: session.id,
      message: toWatchMessageView(stored, turn),
    });

    if (isQuizCheckpoint(turn)) {
      const spoken: TranscriptEntry = {
        id: stored.id,
        by: speaker,
        speaker: settings.personas[speaker].name,
        content,
        turn,
      };
      await this.quizzes.write(session, [...entries, spoken], turn, lease, signal);
    }
    return 'taken';
  }
}
