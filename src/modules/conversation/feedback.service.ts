import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { LlmService } from '../../platform/llm';
import { ConflictError } from '../../shared';
import type { Principal } from '../auth';
import { ConversationsService } from './conversations.service';
import { FeedbackDraft, heuristicFeedback, TranscriptTurn } from './domain/heuristic-feedback';
import type { Locale, ScenarioSnapshot } from './domain/personas';
import { SKILL_AXES, SKILL_SCORES_SCHEMA } from './domain/skills';
import { FeedbackView, toFeedbackView } from './dto/responses';
import { ConversationEntity, ConversationMode } from './entities/conversation.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { MessageEntity } from './entities/message.entity';
import { FEEDBACK_GENERATED, FeedbackGenerated } from './events';

const TEXTS = {
  type: 'array',
  minItems: 1,
  maxItems: 3,
  items: { type: 'string', minLength: 1, maxLength: 600 },
};

/** The JSON a real model must answer with; validated before anything is stored. */
export const FEEDBACK_SCHEMA = {
  type: 'object',
  required: ['scores', 'strengths', 'improvements', 'summary'],
  additionalProperties: false,
  properties: {
    scores: SKILL_SCORES_SCHEMA,
    strengths: TEXTS,
    improvements: TEXTS,
    summary: { type: 'string', minLength: 1, maxLength: 2000 },
    feedbackPoints: {
      type: 'array',
      items: {
        type: 'object',
        required: ['point', 'met', 'comment'],
        additionalProperties: false,
        properties: {
          point: { type: 'string' },
          met: { type: ['boolean', 'null'] },
          comment: { type: 'string' },
        },
      },
    },
  },
} as const;

type LlmFeedback = Omit<FeedbackDraft, 'overall'>;

@Injectable()
export class FeedbackService {
  private readonly logger = new Logger('Feedback');

  constructor(
    @InjectRepository(FeedbackEntity) private readonly feedback: Repository<FeedbackEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly conversations: ConversationsService,
    private readonly llm: LlmService,
    private readonly bus: EventEmitter2,
  ) {}

  /** Feedback for the conversation as it is now; an unchanged conversation gets its stored feedback back. */
  async forConversation(
    principal: Principal,
    conversationId: string,
    modes: ConversationMode[],
  ): Promise<FeedbackView> {
    const conversation = await this.conversations.owned(principal, conversationId, modes);
    const stored = await this.feedback.findOneBy({ conversationId, messageCount: conversation.messageCount });
    if (stored) return toFeedbackView(stored);

    const rows = await this.messages
      .createQueryBuilder('m')
      .where('m.conversation_id = :id', { id: conversationId })
      .andWhere("NOT (m.metadata ? 'moderated')")
      .orderBy('m.seq', 'ASC')
      .getMany();
    const turns: TranscriptTurn[] = rows.map((m) => ({ role: m.role, content: m.content }));
    if (!turns.some((t) => t.role === 'user')) {
      throw new ConflictError('NOTHING_TO_ASSESS', 'Send at least one message before asking for feedback.');
    }
    const draft = await this.assess(conversation, turns);
    const entity = this.feedback.create({
      conversationId,
      userId: conversation.userId,
      messageCount: conversation.messageCount,
      ...draft.result,
      feedbackPoints: draft.result.feedbackPoints ?? null,
      generatedBy: draft.generatedBy,
      model: draft.model,
    });
    let saved: FeedbackEntity;
    try {
      saved = await this.feedback.save(entity);
    } catch (e) {
      // Two requests for the same unchanged conversation: the first one stored wins.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505') {
        return toFeedbackView(
          await this.feedback.findOneByOrFail({ conversationId, messageCount: conversation.messageCount }),
        );
      }
      throw e;
    }
    const event: FeedbackGenerated = {
      feedbackId: saved.id,
      conversationId,
      userId: conversation.userId,
      overall: saved.overall,
      generatedBy: saved.generatedBy,
    };
    this.bus.emit(FEEDBACK_GENERATED, event);
    return toFeedbackView(saved);
  }

  private async assess(
    conversation: ConversationEntity,
    turns: TranscriptTurn[],
  ): Promise<{ result: FeedbackDraft; generatedBy: 'llm' | 'heuristic'; model: string | null }> {
    const locale = conversation.locale;
    const points = (conversation.scenarioSnapshot as ScenarioSnapshot | null)?.feedbackPoints;
    const heuristic = () => heuristicFeedback(turns, locale, points);
    try {
      const { value, provider, model } = await this.llm.completeJson<LlmFeedback>(
        {
          mode: 'feedback',
          locale,
          seed: conversation.id,
          messages: [
            { role: 'system', content: feedbackInstructions(locale, points) },
            { role: 'user', content: transcriptText(turns, locale) },
          ],
        },
        {
          name: 'conversation_feedback',
          schema: FEEDBACK_SCHEMA,
          offline: () => {
            const { overall: _overall, ...rest } = heuristic();
            return rest;
          },
        },
      );
      const overall = Math.round(SKILL_AXES.reduce((sum, a) => sum + value.scores[a], 0) / SKILL_AXES.length);
      // The offline provider answers with the heuristic itself: no model was involved.
      if (provider === 'offline')
        return { result: { ...value, overall }, generatedBy: 'heuristic', model: null };
      return { result: { ...value, overall }, generatedBy: 'llm', model };
    } catch (e) {
      this.logger.warn(`model feedback unavailable, using the heuristic: ${(e as Error).message}`);
      return { result: heuristic(), generatedBy: 'heuristic', model: null };
    }
  }
}

function transcriptText(turns: TranscriptTurn[], locale: Locale): string {
  const [me, them] = locale === 'ja' ? ['学習者', '相手'] : ['Learner', 'Partner'];
  return turns.map((t) => `${t.role === 'user' ? me : them}: ${t.content}`).join('\n');
}

function feedbackInstructions(locale: Locale, points?: string[]): string {
  const axes = SKILL_AXES.join(', ');
  const pointText = points?.length
    ? `\nAlso assess each of these feedback points (met: true, false, or null when the transcript does not show): ${JSON.stringify(points)}`
    : '';
  const language = locale === 'ja' ? 'Write every text in Japanese.' : 'Write every text in English.';
  return (
    `You are a workplace communication coach. Assess only the learner's own messages in the transcript. ` +
    `Score each skill (${axes}) as an integer 0-100 based on evidence in the learner's words; give 1-3 specific strengths ` +
    `and 1-3 specific improvements quoting or paraphrasing what the learner said, and a two-sentence summary. ${language}` +
    `${pointText}\nAnswer with JSON only: {"scores":{...},"strengths":[...],"improvements":[...],"summary":"..."${points?.length ? ',"feedbackPoints":[{"point":"...","met":true,"comment":"..."}]' : ''}}`
  );
}
