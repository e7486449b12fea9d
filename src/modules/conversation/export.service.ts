import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { toMessageView, toSummaryView } from './dto/responses';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';

const PAGE = 200;
const CSV_COLUMNS = [
  'conversation_id',
  'mode',
  'title',
  'started_at',
  'ended_at',
  'message_id',
  'role',
  'speaker',
  'content',
  'created_at',
];

/** A CSV cell, quoted, with spreadsheet formulas neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * All of a user's conversations and messages, streamed page by page so memory stays flat however
 * much a learner has practised.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
  ) {}

  stream(userId: string, format: 'json' | 'csv'): Readable {
    return Readable.from(format === 'csv' ? this.csv(userId) : this.json(userId), { objectMode: false });
  }

  private async *json(userId: string): AsyncGenerator<string> {
    yield `{"exportedAt":${JSON.stringify(new Date().toISOString())},"conversations":[`;
    let first = true;
    for await (const { conversation, messages } of this.walk(userId)) {
      const head = JSON.stringify({ ...toSummaryView(conversation), messages: [] }).slice(0, -2);
      yield `${first ? '' : ','}${head}`;
      first = false;
      let firstMessage = true;
      for await (const batch of messages) {
        for (const m of batch) {
          yield `${firstMessage ? '' : ','}${JSON.stringify(toMessageView(m))}`;
          firstMessage = false;
        }
      }
      yield ']}';
    }
    yield ']}';
  }

  private async *csv(userId: string): AsyncGenerator<string> {
    yield `${CSV_COLUMNS.join(',')}\r\n`;
    for await (const { conversation, messages } of this.walk(userId)) {
      const c = toSummaryView(conversation);
      for await (const batch of messages) {
        yield batch
          .map((m) =>
            [
              c.id,
              c.mode,
              c.title,
              c.startedAt,
              c.endedAt,
              m.id,
              m.role,
              m.speaker,
              m.content,
              new Date(m.createdAt).toISOString(),
            ]
              .map(csvCell)
              .join(','),
          )
          .map((line) => `${line}\r\n`)
          .join('');
      }
    }
  }

  /** Conversations oldest first, each with a lazy iterator over its message pages (keyset pagination). */
  private async *walk(
    userId: string,
  ): AsyncGenerator<{ conversation: ConversationEntity; messages: AsyncGenerator<MessageEntity[]> }> {
    let after: { startedAt: Date; id: string } | undefined;
    for (;;) {
      const qb = this.conversations.createQueryBuilder('c').where('c.user_id = :userId', { userId });
      if (after) qb.andWhere('(c.started_at, c.id) > (:at, :id)', { at: after.startedAt, id: after.id });
      const page = await qb.orderBy('c.started_at', 'ASC').addOrderBy('c.id', 'ASC').take(PAGE).getMany();
      for (const conversation of page) yield { conversation, messages: this.messagePages(conversation.id) };
      if (page.length < PAGE) return;
      const last = page[page.length - 1];
      after = { startedAt: last.startedAt, id: last.id };
    }
  }

  private async *messagePages(conversationId: string): AsyncGenerator<MessageEntity[]> {
    let afterSeq = '0';
    for (;;) {
      const page = await this.messages
        .createQueryBuilder('m')
        .where('m.conversation_id = :conversationId AND m.seq > :afterSeq', { conversationId, afterSeq })
        .orderBy('m.seq', 'ASC')
        .take(PAGE)
        .getMany();
      if (page.length) yield page;
      if (page.length < PAGE) return;
      afterSeq = page[page.length - 1].seq;
    }
  }
}
