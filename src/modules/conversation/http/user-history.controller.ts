import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContentResponse, ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { ExportQuery, UserHistoryQuery } from '../dto/requests';
import { ConversationSummaryPage } from '../dto/responses';
import { ExportService } from '../export.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiSignedInErrors()
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
  @ApiOkResponse({ type: ConversationSummaryPage })
  @ApiErrors({ 400: 'VALIDATION_FAILED: an unknown mode or page bounds.' })
  history(@CurrentUser() principal: Principal, @Query() query: UserHistoryQuery) {
    return this.conversations.listForUser(principal.userId, query);
  }

  @Get('export')
  @RequirePermissions('conversation:read:own')
  @ApiOperation({
    summary: 'Download all your conversations and messages, streamed.',
    description:
      'JSON: `{ exportedAt, conversations: [ConversationSummary & { messages: Message[] }] }`. CSV: one row per message with ' +
      'conversation_id, mode, title, started_at, ended_at, message_id, role, speaker, content, created_at (cells starting with = + - @ are prefixed with a quote).',
  })
  @ApiContentResponse(200, 'A download (Content-Disposition: attachment), in the format asked for.', {
    'application/json': { type: 'object', description: 'With `format=json` (the default).' },
    'text/csv': { type: 'string', description: 'With `format=csv`.' },
  })
  @ApiErrors({ 400: 'VALIDATION_FAILED: an unknown format.' })
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
