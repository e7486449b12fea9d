import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { QueryFailedError, Repository } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../../config';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../../shared';
import { UsersService, type Principal } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { moderate } from '../domain/moderation';
import { ConversationEntity, type Locale } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';
import { ReplyGenerator } from '../generation/reply-generator';
import {
  anonymousLearnerName,
  defaultPersonas,
  defaultTheme,
  watchTitle,
  withSpeakingStyle,
} from './domain/cast';
import type { StartWatchDto, WatchMessageDto } from './dto/watch-requests';
import {
  toPersonaView,
  toQuizView,
  toWatchMessageView,
  type QuizResultView,
  type WatchJoinedView,
  type WatchLearnerMessageView,
  type WatchMessageView,
  type WatchQuizView,
  type WatchStartedView,
} from './dto/watch-responses';
import { WatchDriver } from './watch-driver';
import { endReasonOf, WatchEndings } from './watch-endings';
import { WatchEventBus } from './watch-event-bus';
import { WatchStore } from './watch-store';
import { watchSettingsOf, type WatchEndReason, type WatchPersona, type WatchSettings } from './watch-session';

export const DEFAULT_MAX_TURNS = 10;

/** Everything a watcher has missed: the lines so far (oldest first) and the quizzes, and the ending if any. */
export interface WatchSnapshot {
  messages: WatchMessageView[];
  quizzes: WatchQuizView[];
  endReason: WatchEndReason | null;
}

export interface LearnerSend {
  message: WatchLearnerMessageView;
  /** The same clientMessageId was sent before: this is the first message, nothing new was stored. */
  replayed: boolean;
}

/** The watch-mode use cases: start, watch, join, speak, stop, and answer quizzes. */
@Injectable()
export class WatchService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly conversationsService: ConversationsService,
    private readonly replies: ReplyGenerator,
    private readonly store: WatchStore,
    private readonly driver: WatchDriver,
    private readonly endings: WatchEndings,
    private readonly bus: WatchEventBus,
    private readonly users: UsersService,
    @InjectMetric('conversations_total') private readonly started: Counter<string>,
  ) {}

  async start(principal: Principal, dto: StartWatchDto): Promise<WatchStartedView> {
    const locale: Locale = dto.locale ?? 'ja';
    const id = randomUUID();
    const personas = dto.personas
      ? ([withSpeakingStyle(locale, dto.personas[0]), withSpeakingStyle(locale, dto.personas[1])] as [
          WatchPersona,
          WatchPersona,
        ])
      : defaultPersonas(locale);
    if (personas[0].name.toLowerCase() === personas[1].name.toLowerCase()) {
      throw new ValidationFailedError('The two personas need different names.', [
        { field: 'personas', messages: ['the two personas must have different names'] },
      ]);
    }
    const theme = dto.theme ?? defaultTheme(locale, id);
    const maxTurns = dto.maxTurns ?? DEFAULT_MAX_TURNS;
    const settings: WatchSettings = {
      theme,
      personas,
      maxTurns,
      joined: false,
      learnerName: null,
      state: { tokensUsed: 0 },
    };
    await this.conversations.save(
      this.conversations.create({
        id,
        userId: principal.userId,
        mode: 'watch',
        scenarioId: null,
        scenarioSnapshot: null,
        settings: settings as unknown as Record<string, unknown>,
        title: watchTitle(locale, theme, personas),
        locale,
      }),
    );
    this.started.inc({ mode: 'watch' });
    void this.driver.ensure(id);
    return { sessionId: id, theme, personas: personas.map(toPersonaView), maxTurns, locale };
  }

  /** The caller's watch session (404 for another user's or a missing one), its driver running if it is open. */
  async watch(principal: Principal, sessionId: string): Promise<ConversationEntity> {
    const session = await this.conversationsService.owned(principal, sessionId, ['watch']);
    if (!session.endedAt) void this.driver.ensure(session.id);
    return session;
  }

  async snapshot(sessionId: string): Promise<WatchSnapshot> {
    const [lines, quizzes, session] = await Promise.all([
      this.store.numbered(sessionId),
      this.store.quizzesOf(sessionId),
      this.store.find(sessionId),
    ]);
    return {
      messages: lines.map(({ message, turn }) => toWatchMessageView(message, turn)),
      quizzes: quizzes.map(toQuizView),
      endReason: !session ? 'deleted' : session.endedAt ? endReasonOf(session) : null,
    };
  }

  async join(principal: Principal, sessionId: string): Promise<WatchJoinedView> {
    const session = await this.open(principal, sessionId);
    const settings = watchSettingsOf(session);
    if (settings.joined) return { sessionId, joined: true, learnerName: settings.learnerName };
    const learnerName = await this.learnerName(principal.userId, session.locale);
    if (!(await this.store.setParticipation(sessionId, true, learnerName))) throw ended();
    this.bus.publish({ type: 'user.join', sessionId, userId: principal.userId });
    void this.driver.ensure(sessionId);
    return { sessionId, joined: true, learnerName };
  }

  async leave(principal: Principal, sessionId: string): Promise<WatchJoinedView> {
    const session = await this.open(principal, sessionId);
    const settings = watchSettingsOf(session);
    if (!settings.joined) return { sessionId, joined: false, learnerName: settings.learnerName };
    if (!(await this.store.setParticipation(sessionId, false, settings.learnerName))) throw ended();
    this.bus.publish({ type: 'user.leave', sessionId, userId: principal.userId });
    return { sessionId, joined: false, learnerName: settings.learnerName };
  }

  /** The learner speaks: the line enters the transcript and the next AI turn answers it. */
  async say(principal: Principal, sessionId: string, dto: WatchMessageDto): Promise<LearnerSend> {
    const session = await this.conversationsService.owned(principal, sessionId, ['watch']);
    const earlier = dto.clientMessageId ? await this.earlier(sessionId, dto.clientMessageId) : null;
    if (earlier) return earlier;
    if (session.endedAt) throw ended();
    const settings = watchSettingsOf(session);
    if (!settings.joined) {
      throw new ConflictError(
        'NOT_JOINED',
        'Join the session (POST /watch/join/{sessionId}) before speaking in it.',
      );
    }
    const recent = await this.messages.find({
      where: { conversationId: sessionId, role: 'user' },
      order: { seq: 'DESC' },
      take: 3,
    });
    const verdict = moderate(
      dto.content,
      recent.reverse().map((m) => m.content),
      this.config.conversation.moderationBlocklist,
    );
    let stored: MessageEntity;
    try {
      stored = await this.replies.store(session, {
        role: 'user',
        speaker: settings.learnerName,
        content: dto.content,
        clientMessageId: dto.clientMessageId ?? null,
        metadata: verdict.ok ? {} : { moderated: verdict.reason },
      });
    } catch (e) {
      const raced =
        dto.clientMessageId && isUniqueViolation(e)
          ? await this.earlier(sessionId, dto.clientMessageId)
          : null;
      if (raced) return raced;
      throw e;
    }
    const view = toWatchMessageView(stored, null);
    this.bus.publish({ type: 'user.message', sessionId, message: view });
    void this.driver.ensure(sessionId);
    return {
      message: verdict.ok ? view : { ...view, moderation: { reason: verdict.reason, note: verdict.note } },
      replayed: false,
    };
  }

  /** Stops the session; stopping one that has ended already is harmless. */
  async stop(principal: Principal, sessionId: string): Promise<{ status: 'stopped' }> {
    const session = await this.conversationsService.owned(principal, sessionId, ['watch']);
    if (!session.endedAt) await this.endings.close(sessionId, 'stopped');
    return { status: 'stopped' };
  }

  /** Scores an answer against the choice kept on the server; each quiz is answered once. */
  async answer(principal: Principal, quizId: string, choice: number): Promise<QuizResultView> {
    const quiz = await this.store.ownedQuiz(principal.userId, quizId);
    if (!quiz) throw new NotFoundError('Quiz');
    if (choice >= quiz.choices.length) {
      throw new ValidationFailedError('The choice is not one of the quiz choices.', [
        { field: 'choice', messages: [`choice must be between 0 and ${quiz.choices.length - 1}`] },
      ]);
    }
    if (quiz.answeredAt || !(await this.store.recordAnswer(quiz.id, choice))) {
      throw new ConflictError('ALREADY_ANSWERED', 'This quiz has already been answered.');
    }
    return {
      correct: choice === quiz.correctChoice,
      correctChoice: quiz.correctChoice,
      explanation: quiz.explanation,
    };
  }

  private async open(principal: Principal, sessionId: string): Promise<ConversationEntity> {
    const session = await this.conversationsService.owned(principal, sessionId, ['watch']);
    if (session.endedAt) throw ended();
    return session;
  }

  private async earlier(sessionId: string, clientMessageId: string): Promise<LearnerSend | null> {
    const message = await this.messages.findOneBy({ conversationId: sessionId, clientMessageId });
    if (!message) return null;
    const view = toWatchMessageView(message, null);
    return { message: view, replayed: true };
  }

  /** The display name, else the username of a registered account, else a plain "you". */
  private async learnerName(userId: string, locale: Locale): Promise<string> {
    const user = await this.users.findById(userId);
    const name = user?.displayName?.trim() || (user && !user.isAnonymous ? user.username : '');
    return name || anonymousLearnerName(locale);
  }
}

function ended(): ConflictError {
  return new ConflictError('CONVERSATION_ENDED', 'This watch session has ended; start a new one.');
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505';
}
