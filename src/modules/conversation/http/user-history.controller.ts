import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { ExportQuery, UserHistoryQuery } from '../dto/requests';
import { ExportService } from '../export.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users/me')
export class UserHistoryController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly exports: ExportService,
  ) {}

  @Get('history')
  @RequirePermissions('conversation:read:own')
  @ApiOperation({
    summary:
      'Your conversations (ConversationSummary with messageCount), newest startedAt first; filter by mode.',
  })
  history(@CurrentUser() principal: Principal, @Query() query: UserHistoryQuery) {
    return this.conversations.listForUser(principal.userId, query);
  }

  @Get('export')
  @RequirePermissions('conversation:read:own')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Download all your conversations and messages, streamed.',
    description:
      'JSON: `{ exportedAt, conversations: [ConversationSummary & { messages: Message[] }] }`. CSV: one row per message with ' +
      'conversation_id, mode, title, started_at, ended_at, message_id, role, speaker, content, created_at (cells starting with = + - @ are prefixed with a quote).',
  })
  export(@CurrentUser() principal: Principal, @Query() query: ExportQuery, @Res() reply: FastifyReply): void {
    const stamp = new Date().toISOString().slice(0, 10);
    void reply
      .header(
        'content-type',
        query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      )
      .header('content-disposition', `attachment; filename="workplace-roleplay-${stamp}.${query.format}"`)
      .send(this.exports.stream(principal.userId, query.format));
  }
}
