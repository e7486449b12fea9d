import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';
import type { QuizDraft } from './domain/quiz';
import type { TranscriptEntry } from './domain/transcript';
import { WatchQuizEntity } from './watch-quiz.entity';
import { watchSettingsOf, type WatchEndReason } from './watch-session';

/** More lines than any session holds (40 AI turns and the learner's messages in between). */
const MAX_LINES = 2000;

export interface NumberedMessage {
  message: MessageEntity;
  /** The AI turn number, or null for a learner message. */
  turn: number | null;
}

/** The rows of watch sessions: their messages numbered by turn, quizzes, token use and ending. */
@Injectable()
export class WatchStore {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(WatchQuizEntity) private readonly quizzes: Repository<WatchQuizEntity>,
    private readonly dataSource: DataSource,
  ) {}

  find(sessionId: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ id: sessionId, mode: 'watch' });
  }

  /** Every message of the session, oldest first, AI turns numbered from 1. */
  async numbered(sessionId: string): Promise<NumberedMessage[]> {
    const rows = await this.messages.find({
      where: { conversationId: sessionId },
      order: { seq: 'ASC' },
      take: MAX_LINES,
    });
    let turn = 0;
    return rows.map((message) => ({ message, turn: message.role === 'assistant' ? ++turn : null }));
  }

  /** The transcript the colleagues see: moderated learner lines are left out. */
  entriesOf(session: ConversationEntity, lines: NumberedMessage[]): TranscriptEntry[] {
    const { personas, learnerName } = watchSettingsOf(session);
    return lines
      .filter(({ message }) => !message.metadata.moderated)
      .map(({ message, turn }) => ({
        id: message.id,
        by: message.role === 'user' ? 'learner' : message.speaker === personas[1].name ? 1 : 0,
        speaker: message.speaker ?? (message.role === 'user' ? (learnerName ?? '') : personas[0].name),
        content: message.content,
        turn,
      }));
  }

  /** Whether the learner said something (that the colleagues may see) after the message with this seq. */
  async learnerSpokeSince(sessionId: string, seq: string): Promise<boolean> {
    return this.messages
      .createQueryBuilder('m')
      .where('m.conversation_id = :sessionId AND m.role = :role AND m.seq > :seq', {
        sessionId,
        role: 'user',
        seq,
      })
      .andWhere("NOT (m.metadata ? 'moderated')")
      .getExists();
  }

  async addTokens(sessionId: string, tokens: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE conversations SET settings = jsonb_set(settings, '{state,tokensUsed}',
         to_jsonb(COALESCE((settings #>> '{state,tokensUsed}')::int, 0) + $2::int)) WHERE id = $1`,
      [sessionId, Math.ceil(tokens)],
    );
  }

  /** Records why the session ends; false when it has already ended (someone else ended it first). */
  async claimEnd(sessionId: string, reason: WatchEndReason): Promise<boolean> {
    const [rows] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE conversations SET settings = jsonb_set(settings, '{state,endReason}', to_jsonb($2::text))
         WHERE id = $1 AND ended_at IS NULL AND settings #> '{state,endReason}' IS NULL RETURNING id`,
      [sessionId, reason],
    );
    return rows.length > 0;
  }

  /** Undoes a claim whose ending could not be recorded, so a later attempt can end the session. */
  async unclaimEnd(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE conversations SET settings = settings #- '{state,endReason}' WHERE id = $1 AND ended_at IS NULL`,
      [sessionId],
    );
  }

  /** Makes the learner a participant (with the name the colleagues use) or an onlooker again; false once ended. */
  async setParticipation(sessionId: string, joined: boolean, learnerName: string | null): Promise<boolean> {
    const [rows] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE conversations SET settings = settings || jsonb_build_object('joined', $2::boolean, 'learnerName', $3::text)
         WHERE id = $1 AND ended_at IS NULL RETURNING id`,
      [sessionId, joined, learnerName],
    );
    return rows.length > 0;
  }

  quizzesOf(sessionId: string): Promise<WatchQuizEntity[]> {
    return this.quizzes.find({ where: { conversationId: sessionId }, order: { afterTurn: 'ASC' } });
  }

  /** Stores the quiz of a checkpoint; null when that checkpoint already has one. */
  async saveQuiz(sessionId: string, afterTurn: number, draft: QuizDraft): Promise<WatchQuizEntity | null> {
    try {
      const { identifiers } = await this.quizzes.insert({
        conversationId: sessionId,
        afterTurn,
        question: draft.question,
        choices: draft.choices,
        correctChoice: draft.correctChoice,
        explanation: draft.explanation,
      });
      return this.quizzes.findOneByOrFail({ id: identifiers[0].id as string });
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505')
        return null;
      throw e;
    }
  }

  /** The user's quiz, whatever session it belongs to; null for a missing quiz or another user's. */
  ownedQuiz(userId: string, quizId: string): Promise<WatchQuizEntity | null> {
    return this.quizzes
      .createQueryBuilder('q')
      .innerJoin(ConversationEntity, 'c', 'c.id = q.conversation_id')
      .where('q.id = :quizId AND c.user_id = :userId', { quizId, userId })
      .getOne();
  }

  /** Records the answer once; false when the quiz was already answered. */
  async recordAnswer(quizId: string, choice: number): Promise<boolean> {
    const result = await this.quizzes
      .createQueryBuilder()
      .update()
      .set({ answeredChoice: choice, answeredAt: () => 'now()' })
      .where('id = :quizId AND answered_at IS NULL', { quizId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
