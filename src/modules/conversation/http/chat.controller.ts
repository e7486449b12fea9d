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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { RateLimit } from '../../../platform/rate-limit';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { ConversationIdDto, HistoryQuery, SendMessageDto, StartChatDto } from '../dto/requests';
import {
  ConversationStartedView,
  ConversationSummaryView,
  FeedbackView,
  HistoryView,
} from '../dto/responses';
import { FeedbackService } from '../feedback.service';
import { ApiSendMessage, NOT_YOURS, NOTHING_TO_ASSESS, SEND_DOC } from './conversation-docs';
import { MessageResponder } from './message-responder';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiSignedInErrors()
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
  @ApiCreatedResponse({ type: ConversationStartedView, description: 'Mode `chat`, with the opening line.' })
  @ApiErrors({
    400: 'VALIDATION_FAILED: an unknown partnerType, situation or locale, or a topic over 100 characters or with HTML.',
    503: 'LLM_UNAVAILABLE: every AI provider failed to write the opening line; nothing is stored.',
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
  @ApiSendMessage()
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
  @ApiOkResponse({ type: HistoryView })
  @ApiErrors({
    400: 'VALIDATION_FAILED: conversationId or before not a UUID, or limit outside 1..100.',
    404: `${NOT_YOURS} Also when \`before\` is not a message of that conversation.`,
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
  @ApiCreatedResponse({ type: FeedbackView })
  @ApiErrors({ 400: 'VALIDATION_FAILED', 404: NOT_YOURS, 409: NOTHING_TO_ASSESS })
  feedbackFor(@CurrentUser() principal: Principal, @Body() dto: ConversationIdDto) {
    return this.feedback.forConversation(principal, dto.conversationId, ['chat', 'scenario', 'watch']);
  }

  @Post('end')
  @HttpCode(200)
  @RequirePermissions('conversation:write:own')
  @ApiOperation({
    summary: 'End a conversation; later sends answer 409 CONVERSATION_ENDED. Ending twice is harmless.',
  })
  @ApiOkResponse({ type: ConversationSummaryView, description: 'The conversation, with `endedAt`.' })
  @ApiErrors({ 400: 'VALIDATION_FAILED', 404: NOT_YOURS })
  end(@CurrentUser() principal: Principal, @Body() dto: ConversationIdDto) {
    return this.conversations.end(principal, dto.conversationId);
  }

  @Delete('session/:conversationId')
  @HttpCode(204)
  @RequirePermissions('conversation:delete:own')
  @ApiOperation({ summary: 'Delete a conversation (any mode) and its messages.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors({ 400: 'VALIDATION_FAILED: conversationId is not a UUID.', 404: NOT_YOURS })
  async remove(
    @CurrentUser() principal: Principal,
    @Param('conversationId', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.conversations.remove(principal, id);
  }
}
