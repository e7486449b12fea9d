import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../config';
import { ConflictError } from '../../shared';
import type { Principal } from '../auth';
import { ConversationsService } from './conversations.service';
import { moderate } from './domain/moderation';
import type { SendMessageDto } from './dto/requests';
import { ConversationEntity, ConversationMode } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { ConversationEvents } from './generation/conversation-events';
import { GenerationTracker } from './generation/generation-tracker';
import { ReplyGenerator } from './generation/reply-generator';
import { toMessageView } from './dto/responses';

export type SendOutcome =
  /** The same clientMessageId was sent before and its reply exists: answer the first exchange again. */
  | { kind: 'replayed'; userMessage: MessageEntity; reply: MessageEntity }
  /** Moderation stopped the message before the AI; the learner sees the note. */
  | {
      kind: 'moderated';
      userMessage: MessageEntity;
      moderation: { reason: string; note: string };
      replay: boolean;
    }
  /** Stored; call start() (after subscribing to the stream, if streaming) to generate the reply. */
  | {
      kind: 'accepted';
      userMessage: MessageEntity;
      conversation: ConversationEntity;
      retry: boolean;
      start: () => Promise<MessageEntity>;
    };

/** Sending a learner message: the one path used by HTTP (JSON and SSE) and by the socket gateway. */
@Injectable()
export class MessagingService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly conversations: ConversationsService,
    private readonly replies: ReplyGenerator,
    private readonly tracker: GenerationTracker,
    private readonly events: ConversationEvents,
  ) {}

  async send(principal: Principal, dto: SendMessageDto, modes: ConversationMode[]): Promise<SendOutcome> {
    const conversation = await this.conversations.owned(principal, dto.conversationId, modes);
    if (dto.clientMessageId) {
      const earlier = await this.messages.findOneBy({
        conversationId: conversation.id,
        clientMessageId: dto.clientMessageId,
      });
      if (earlier) return this.resend(principal, conversation, earlier);
    }
    if (conversation.endedAt)
      throw new ConflictError('CONVERSATION_ENDED', 'This conversation has ended; start a new one.');

    const verdict = moderate(
      dto.content,
      await this.settledLearnerMessages(conversation.id),
      this.config.conversation.moderationBlocklist,
    );
    if (!verdict.ok) {
      const userMessage = await this.storeUserMessage(conversation, dto, randomUUID(), {
        moderated: verdict.reason,
        moderationNote: verdict.note,
      });
      return {
        kind: 'moderated',
        userMessage,
        moderation: { reason: verdict.reason, note: verdict.note },
        replay: false,
      };
    }

    const id = randomUUID();
    if (!(await this.tracker.tryAcquire(principal.userId, id))) {
      throw new ConflictError(
        'TOO_MANY_GENERATIONS',
        `At most ${this.config.conversation.maxConcurrentGenerations} replies can be generated at once. Wait for one to finish.`,
      );
    }
    let userMessage: MessageEntity;
    try {
      userMessage = await this.storeUserMessage(conversation, dto, id);
    } catch (e) {
      await this.tracker.release(principal.userId, id);
      if (dto.clientMessageId && isUniqueViolation(e)) {
        const earlier = await this.messages.findOneByOrFail({
          conversationId: conversation.id,
          clientMessageId: dto.clientMessageId,
        });
        return this.resend(principal, conversation, earlier);
      }
      throw e;
    }
    return {
      kind: 'accepted',
      userMessage,
      conversation,
      retry: false,
      start: () => this.replies.reply(conversation, userMessage),
    };
  }

  /**
   * The learner's last three messages, oldest first, without those still waiting for a reply or whose reply
   * failed: only a message that was answered (or moderated) and then sent again counts as a loop, never a
   * burst of sends in flight or a retry after the AI was down.
   */
  private async settledLearnerMessages(conversationId: string): Promise<string[]> {
    const rows = await this.messages.query<Array<{ content: string }>>(
      `SELECT m.content FROM (
         SELECT id, seq, content, metadata FROM messages
          WHERE conversation_id = $1 AND role = 'user' ORDER BY seq DESC LIMIT 3
       ) m
       WHERE m.metadata ? 'moderated' OR EXISTS (SELECT 1 FROM messages r WHERE r.reply_to = m.id)
       ORDER BY m.seq`,
      [conversationId],
    );
    return rows.map((r) => r.content);
  }

  /** A repeated clientMessageId never stores a second message: replay, wait, or regenerate a failed reply. */
  private async resend(
    principal: Principal,
    conversation: ConversationEntity,
    userMessage: MessageEntity,
  ): Promise<SendOutcome> {
    if (userMessage.metadata.moderated) {
      return {
        kind: 'moderated',
        userMessage,
        moderation: {
          reason: userMessage.metadata.moderated,
          note: userMessage.metadata.moderationNote ?? '',
        },
        replay: true,
      };
    }
    const reply = await this.messages.findOneBy({ replyTo: userMessage.id });
    if (reply) return { kind: 'replayed', userMessage, reply };
    if (await this.tracker.isGenerating(conversation.id, userMessage.id)) {
      throw new ConflictError(
        'GENERATION_IN_PROGRESS',
        'The reply to this message is still being generated.',
      );
    }
    if (conversation.endedAt)
      throw new ConflictError('CONVERSATION_ENDED', 'This conversation has ended; start a new one.');
    if (!(await this.tracker.tryAcquire(principal.userId, userMessage.id))) {
      throw new ConflictError(
        'TOO_MANY_GENERATIONS',
        `At most ${this.config.conversation.maxConcurrentGenerations} replies can be generated at once.`,
      );
    }
    // The earlier attempt failed (the AI was down): generate the missing reply now.
    return {
      kind: 'accepted',
      userMessage,
      conversation,
      retry: true,
      start: () => this.replies.reply(conversation, userMessage),
    };
  }

  private async storeUserMessage(
    conversation: ConversationEntity,
    dto: SendMessageDto,
    id: string,
    metadata: MessageEntity['metadata'] = {},
  ): Promise<MessageEntity> {
    const stored = await this.replies.store(conversation, {
      id,
      role: 'user',
      speaker: null,
      content: dto.content,
      clientMessageId: dto.clientMessageId ?? null,
      metadata,
    });
    this.events.emit('message.created', {
      conversationId: conversation.id,
      userId: conversation.userId,
      message: toMessageView(stored),
    });
    return stored;
  }

  /** The reply being generated right now in a conversation, for clients that reconnect. */
  async inProgress(
    principal: Principal,
    conversationId: string,
  ): Promise<{ replyTo: string; text: string } | null> {
    const conversation = await this.conversations.owned(principal, conversationId);
    return this.tracker.inProgress(conversation.id);
  }
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505';
}
