import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { Brackets, DataSource, In, Repository } from 'typeorm';
import { Page, pageOf, NotFoundError, ConflictError } from '../../shared';
import { LlmService } from '../../platform/llm';
import { ownedBy, type Principal } from '../auth';
import { ScenarioService, toScenarioSummary } from '../scenario';
import {
  Locale,
  openingCue,
  PartnerType,
  ScenarioSnapshot,
  scenarioCharacter,
  Situation,
  smallTalkCharacter,
  smallTalkTitle,
  systemPrompt,
} from './domain/personas';
import type {
  AdminConversationsQuery,
  HistoryQuery,
  StartChatDto,
  StartScenarioDto,
  UserHistoryQuery,
} from './dto/requests';
import {
  ConversationDetailView,
  ConversationStartedView,
  ConversationSummaryView,
  HistoryView,
  toMessageView,
  toSummaryView,
} from './dto/responses';
import { ConversationEntity, ConversationMode } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { ReplyGenerator } from './generation/reply-generator';
import { HistoryCache } from './history-cache';
import { CONVERSATION_ENDED, ConversationEnded, EndReason } from './events';

export const conversationMetricProviders = [
  makeCounterProvider({ name: 'conversations_total', help: 'Conversations started', labelNames: ['mode'] }),
];

@Injectable()
export class ConversationsService {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly dataSource: DataSource,
    private readonly scenarios: ScenarioService,
    private readonly replies: ReplyGenerator,
    private readonly llm: LlmService,
    private readonly historyCache: HistoryCache,
    private readonly bus: EventEmitter2,
    @InjectMetric('conversations_total') private readonly started: Counter<string>,
  ) {}

  /** The caller's conversation; another user's, or a missing one, is the same 404. */
  async owned(principal: Principal, id: string, modes?: ConversationMode[]): Promise<ConversationEntity> {
    const c = ownedBy(principal, await this.conversations.findOneBy({ id }), (x) => x.userId, 'Conversation');
    if (modes && !modes.includes(c.mode)) throw new NotFoundError('Conversation');
    return c;
  }

  async startChat(principal: Principal, dto: StartChatDto): Promise<ConversationStartedView> {
    const locale: Locale = dto.locale ?? 'ja';
    const partner: PartnerType = dto.partnerType ?? 'colleague';
    const situation: Situation = dto.situation ?? 'break';
    const character = smallTalkCharacter(locale, partner, situation, dto.topic);
    const id = randomUUID();
    // The opening line is generated before anything is stored: if the AI is down, nothing is left behind.
    const { done } = this.llm.stream({
      mode: 'chat',
      locale,
      persona: character,
      seed: id,
      messages: [
        { role: 'system', content: systemPrompt(locale, character) },
        { role: 'user', name: 'director', content: openingCue(locale) },
      ],
    });
    // The whole opening is stored at once; `done` settles after the last chunk whether or not anyone reads them.
    const opening = await done;
    const conversation = await this.conversations.save(
      this.conversations.create({
        id,
        userId: principal.userId,
        mode: 'chat',
        scenarioId: null,
        scenarioSnapshot: null,
        settings: { partnerType: partner, situation, topic: dto.topic ?? null, character },
        title: smallTalkTitle(locale, partner, situation),
        locale,
      }),
    );
    const message = await this.replies.store(conversation, {
      role: 'assistant',
      speaker: character.name ?? null,
      content: opening.text.trim(),
      metadata: { opening: true, provider: opening.provider, model: opening.model },
    });
    this.started.inc({ mode: 'chat' });
    return { conversationId: conversation.id, mode: 'chat', messages: [toMessageView(message)] };
  }

  async startScenario(principal: Principal, dto: StartScenarioDto): Promise<ConversationStartedView> {
    const scenario = await this.scenarios.getForConversation(dto.scenarioId, principal);
    if (scenario.sensitive && dto.acknowledgeSensitive !== true) {
      throw new ConflictError(
        'CONSENT_REQUIRED',
        'This scenario deals with sensitive workplace situations. Start it again with acknowledgeSensitive: true to confirm you want to continue.',
      );
    }
    const snapshot = scenario as unknown as ScenarioSnapshot;
    const character = scenarioCharacter(snapshot);
    // Reverse-role scenarios (and imported ones that have no opening line) open with the situation and wait
    // for the learner.
    const fromSituation = snapshot.roleType === 'reverse' || !snapshot.character.initialApproach.trim();
    const conversation = await this.conversations.save(
      this.conversations.create({
        userId: principal.userId,
        mode: 'scenario',
        scenarioId: scenario.id,
        scenarioSnapshot: scenario as unknown as Record<string, unknown>,
        settings: {
          character,
          preferences: dto.preferences ?? {},
          acknowledgedSensitive: scenario.sensitive,
        },
        title: scenario.title,
        locale: scenario.locale,
      }),
    );
    const opening = await this.replies.store(conversation, {
      role: 'assistant',
      speaker: fromSituation ? null : (character.name ?? null),
      content: fromSituation ? snapshot.character.situation : snapshot.character.initialApproach,
      metadata: { opening: true },
    });
    this.started.inc({ mode: 'scenario' });
    return {
      conversationId: conversation.id,
      mode: 'scenario',
      scenario: toScenarioSummary(scenario),
      messages: [toMessageView(opening)],
    };
  }

  async history(principal: Principal, query: HistoryQuery): Promise<HistoryView> {
    const conversation = await this.owned(principal, query.conversationId);
    return this.historyCache.page(conversation.id, query.limit, query.before, async () => {
      const fresh = await this.conversations.findOneByOrFail({ id: conversation.id });
      const qb = this.messages
        .createQueryBuilder('m')
        .where('m.conversation_id = :id', { id: conversation.id });
      if (query.before) {
        const anchor = await this.messages.findOneBy({ id: query.before, conversationId: conversation.id });
        if (!anchor) throw new NotFoundError('Message');
        qb.andWhere('m.seq < :seq', { seq: anchor.seq });
      }
      const rows = await qb
        .orderBy('m.seq', 'DESC')
        .limit(query.limit + 1)
        .getMany();
      const more = rows.length > query.limit;
      const page = rows.slice(0, query.limit).reverse();
      return {
        conversation: toSummaryView(fresh),
        items: page.map(toMessageView),
        nextBefore: more && page.length ? page[0].id : null,
      };
    });
  }

  async end(principal: Principal, id: string, modes?: ConversationMode[]): Promise<ConversationSummaryView> {
    const conversation = await this.owned(principal, id, modes);
    if (!conversation.endedAt) await this.markEnded([conversation.id], 'explicit');
    return toSummaryView(await this.conversations.findOneByOrFail({ id }));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const conversation = await this.owned(principal, id);
    await this.conversations.delete({ id: conversation.id });
    await this.historyCache.invalidate(conversation.id);
    if (!conversation.endedAt) this.publishEnded({ ...conversation, endedAt: new Date() }, 'deleted');
  }

  /** Ends conversations that are still open; publishes ConversationEnded once for each row actually ended. */
  async markEnded(ids: string[], reason: EndReason): Promise<void> {
    if (!ids.length) return;
    const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE conversations SET ended_at = now(), end_reason = $2 WHERE id = ANY($1) AND ended_at IS NULL RETURNING id`,
      [ids, reason],
    );
    if (!rows.length) return;
    for (const c of await this.conversations.findBy({ id: In(rows.map((r) => r.id)) })) {
      await this.historyCache.invalidate(c.id);
      this.publishEnded(c, reason);
    }
  }

  async endIdle(idleMinutes: number): Promise<number> {
    const stale = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM conversations WHERE ended_at IS NULL AND mode <> 'watch'
         AND COALESCE(last_message_at, started_at) < now() - make_interval(mins => $1) LIMIT 500`,
      [idleMinutes],
    );
    await this.markEnded(
      stale.map((r) => r.id),
      'idle',
    );
    return stale.length;
  }

  async listForUser(userId: string, query: UserHistoryQuery): Promise<Page<ConversationSummaryView>> {
    return this.list({ userId, mode: query.mode }, query);
  }

  async adminList(query: AdminConversationsQuery): Promise<Page<ConversationSummaryView>> {
    return this.list({ userId: query.userId, mode: query.mode }, query);
  }

  /** Any user's conversation; the route's `conversation:read:all` permission is the access rule. */
  async adminGet(id: string): Promise<ConversationDetailView> {
    const conversation = await this.conversations.findOneBy({ id });
    if (!conversation) throw new NotFoundError('Conversation');
    const messages = await this.messages.find({
      where: { conversationId: id },
      order: { seq: 'ASC' },
      take: 5000,
    });
    return { ...toSummaryView(conversation), messages: messages.map(toMessageView) };
  }

  private async list(
    filter: { userId?: string; mode?: ConversationMode },
    page: { page: number; limit: number; offset: number },
  ): Promise<Page<ConversationSummaryView>> {
    const qb = this.conversations.createQueryBuilder('c');
    qb.where(
      new Brackets((w) => {
        w.where('1 = 1');
        if (filter.userId) w.andWhere('c.user_id = :userId', { userId: filter.userId });
        if (filter.mode) w.andWhere('c.mode = :mode', { mode: filter.mode });
      }),
    );
    const [rows, total] = await qb
      .orderBy('c.started_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return pageOf(rows.map(toSummaryView), total, page);
  }

  private publishEnded(c: ConversationEntity, reason: EndReason): void {
    const event: ConversationEnded = {
      conversationId: c.id,
      userId: c.userId,
      mode: c.mode,
      scenarioId: c.scenarioId,
      messageCount: c.messageCount,
      learnerMessageCount: c.learnerMessageCount,
      startedAt: new Date(c.startedAt).toISOString(),
      endedAt: new Date(c.endedAt ?? Date.now()).toISOString(),
      reason,
    };
    this.bus.emit(CONVERSATION_ENDED, event);
  }
}
