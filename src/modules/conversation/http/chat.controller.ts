import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimit } from '../../../platform/rate-limit';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { ConversationIdDto, HistoryQuery, SendMessageDto, StartChatDto } from '../dto/requests';
import { ConversationSummaryView, FeedbackView } from '../dto/responses';
import { FeedbackService } from '../feedback.service';
import { MessageResponder } from './message-responder';

export const SEND_DOC =
  'Stores the learner message and answers with the AI reply: 201 `{ userMessage, reply }` as JSON, or, with ' +
  '`Accept: text/event-stream`, 200 Server-Sent Events `user`, `delta` `{ text }`..., `done` `{ reply }` (or `error` `{ code, message }`). ' +
  'A repeated `clientMessageId` answers the first exchange again (200) or 409 GENERATION_IN_PROGRESS. ' +
  'A message stopped by moderation is stored and answered with `reply: null` and `moderation: { reason, note }` (SSE: `moderation`, then `done`). ' +
  '409 CONVERSATION_ENDED, 409 TOO_MANY_GENERATIONS (2 replies at once per user), 503 LLM_UNAVAILABLE (the learner message stays stored).';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('chat')
export class ChatController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly responder: MessageResponder,
    private readonly feedback: FeedbackService,
  ) {}

  @Post('start')
  @RequirePermissions('conversation:write:own')
  @ApiOperation({
    summary: 'Start small talk. The opening line comes from the AI partner. Defaults: colleague, break, ja.',
  })
  @ApiResponse({
    status: 201,
    description: 'ConversationStarted { conversationId, mode: "chat", messages: [opening] }',
  })
  start(@CurrentUser() principal: Principal, @Body() dto: StartChatDto) {
    return this.conversations.startChat(principal, dto);
  }

  @Post('message')
  @RequirePermissions('conversation:write:own')
  @RateLimit('message')
  @ApiOperation({
    summary: 'Send a message in one of your chat or scenario conversations.',
    description: SEND_DOC,
  })
  @ApiProduces('application/json', 'text/event-stream')
  message(
    @CurrentUser() principal: Principal,
    @Body() dto: SendMessageDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.responder.send(principal, dto, accept, reply);
  }

  @Get('history')
  @RequirePermissions('conversation:read:own')
  @ApiOperation({
    summary:
      'Messages of one of your conversations (any mode), oldest to newest, paged backwards with `before`.',
  })
  history(@CurrentUser() principal: Principal, @Query() query: HistoryQuery) {
    return this.conversations.history(principal, query);
  }

  @Post('feedback')
  @RequirePermissions('conversation:read:own')
  @ApiOperation({
    summary:
      'Feedback on the six skills. An unchanged conversation gets its stored feedback back; 409 NOTHING_TO_ASSESS before the first learner message.',
  })
  @ApiResponse({ status: 201, type: FeedbackView })
  feedbackFor(@CurrentUser() principal: Principal, @Body() dto: ConversationIdDto) {
    return this.feedback.forConversation(principal, dto.conversationId, ['chat', 'scenario', 'watch']);
  }

  @Post('end')
  @HttpCode(200)
  @RequirePermissions('conversation:write:own')
  @ApiOperation({
    summary: 'End a conversation; later sends answer 409 CONVERSATION_ENDED. Ending twice is harmless.',
  })
  @ApiResponse({ status: 200, type: ConversationSummaryView })
  end(@CurrentUser() principal: Principal, @Body() dto: ConversationIdDto) {
    return this.conversations.end(principal, dto.conversationId);
  }

  @Delete('session/:conversationId')
  @HttpCode(204)
  @RequirePermissions('conversation:delete:own')
  @ApiOperation({ summary: 'Delete a conversation (any mode) and its messages.' })
  async remove(
    @CurrentUser() principal: Principal,
    @Param('conversationId', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.conversations.remove(principal, id);
  }
}
