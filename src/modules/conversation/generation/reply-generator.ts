import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../../config';
import { LlmService, type LlmMessage } from '../../../platform/llm';
import { DomainError } from '../../../shared';
import { CharacterSheet, ScenarioSnapshot, systemPrompt } from '../domain/personas';
import { fitHistory } from '../domain/prompt';
import { toMessageView } from '../dto/responses';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity, MessageMetadata } from '../entities/message.entity';
import { HistoryCache } from '../history-cache';
import { ConversationEvents } from './conversation-events';
import { GenerationTracker } from './generation-tracker';

export function characterOf(conversation: ConversationEntity): CharacterSheet {
  return conversation.settings.character as CharacterSheet;
}

/**
 * Generates and stores the AI's reply to a learner message, independently of the request that asked
 * for it: a client that disconnects mid-stream still finds the reply stored, and the text so far is
 * tracked for clients that resume. An AI failure stores nothing.
 */
@Injectable()
export class ReplyGenerator implements OnApplicationShutdown {
  private readonly logger = new Logger('ReplyGenerator');
  private readonly shutdown = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly dataSource: DataSource,
    private readonly llm: LlmService,
    private readonly events: ConversationEvents,
    private readonly tracker: GenerationTracker,
    private readonly historyCache: HistoryCache,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled([...this.running]);
  }

  /** Starts generating; the caller already holds the user's generation slot for this message. */
  reply(conversation: ConversationEntity, userMessage: MessageEntity): Promise<MessageEntity> {
    const run = this.generate(conversation, userMessage).finally(() => {
      this.running.delete(run);
      void this.tracker.release(conversation.userId, userMessage.id).catch(() => undefined);
    });
    this.running.add(run);
    return run;
  }

  /** The prompt: persona and situation, then the recent turns that fit the token budget. */
  async promptFor(conversation: ConversationEntity): Promise<LlmMessage[]> {
    const recent = await this.messages
      .createQueryBuilder('m')
      .where('m.conversation_id = :id', { id: conversation.id })
      .andWhere("NOT (m.metadata ? 'moderated')")
      .orderBy('m.seq', 'DESC')
      .limit(200)
      .getMany();
    const turns = fitHistory(recent.reverse(), this.config.conversation.promptTokenBudget);
    const system = systemPrompt(
      conversation.locale,
      characterOf(conversation),
      (conversation.scenarioSnapshot ?? undefined) as unknown as ScenarioSnapshot | undefined,
    );
    return [{ role: 'system', content: system }, ...turns.map((t) => ({ role: t.role, content: t.content }))];
  }

  private async generate(
    conversation: ConversationEntity,
    userMessage: MessageEntity,
  ): Promise<MessageEntity> {
    const { id: conversationId, userId } = conversation;
    const replyTo = userMessage.id;
    const character = characterOf(conversation);
    const speaker = character.name ?? null;
    await this.tracker.begin(conversationId, replyTo);
    this.events.emit('reply.started', { conversationId, userId, replyTo, speaker });
    try {
      const { chunks, done } = this.llm.stream({
        mode: conversation.mode === 'scenario' ? 'scenario' : 'chat',
        locale: conversation.locale,
        messages: await this.promptFor(conversation),
        persona: character,
        seed: conversationId,
        signal: this.shutdown.signal,
      });
      for await (const text of chunks) {
        if (!text) continue;
        const length = await this.tracker.append(conversationId, text);
        this.events.emit('reply.delta', {
          conversationId,
          userId,
          replyTo,
          text,
          offset: length - text.length,
        });
      }
      const result = await done;
      const content = result.text.trim();
      if (!content)
        throw new DomainError('unavailable', 'LLM_UNAVAILABLE', 'The AI returned an empty reply.');
      const stored = await this.store(conversation, {
        role: 'assistant',
        speaker,
        content,
        replyTo,
        metadata: {
          provider: result.provider,
          model: result.model,
          firstTokenMs: result.firstTokenMs,
          totalMs: result.totalMs,
        },
      });
      this.events.emit('reply.completed', {
        conversationId,
        userId,
        replyTo,
        message: toMessageView(stored),
      });
      return stored;
    } catch (e) {
      const error =
        e instanceof DomainError
          ? e
          : new DomainError(
              'unavailable',
              'LLM_UNAVAILABLE',
              'The AI partner is unavailable. Please try again.',
            );
      if (!(e instanceof DomainError))
        this.logger.error(`reply failed for ${conversationId}: ${(e as Error).message}`);
      this.events.emit('reply.failed', {
        conversationId,
        userId,
        replyTo,
        code: error.code,
        message: error.message,
      });
      throw error;
    } finally {
      await this.tracker.end(conversationId, replyTo).catch(() => undefined);
    }
  }

  /** Stores a message and bumps the conversation's counters in one transaction. */
  async store(
    conversation: ConversationEntity,
    m: {
      id?: string;
      role: 'user' | 'assistant';
      speaker: string | null;
      content: string;
      clientMessageId?: string | null;
      replyTo?: string | null;
      metadata?: MessageMetadata;
    },
  ): Promise<MessageEntity> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const entity = manager.create(MessageEntity, {
        id: m.id,
        conversationId: conversation.id,
        role: m.role,
        speaker: m.speaker,
        content: m.content,
        clientMessageId: m.clientMessageId ?? null,
        replyTo: m.replyTo ?? null,
        metadata: m.metadata ?? {},
      });
      const { identifiers } = await manager.insert(MessageEntity, entity);
      const insertedId = identifiers[0].id as string;
      await manager.query(
        `UPDATE conversations SET message_count = message_count + 1,
           learner_message_count = learner_message_count + $2, last_message_at = now() WHERE id = $1`,
        [conversation.id, m.role === 'user' ? 1 : 0],
      );
      return manager.findOneByOrFail(MessageEntity, { id: insertedId });
    });
    await this.historyCache.invalidate(conversation.id);
    return saved;
  }
}
