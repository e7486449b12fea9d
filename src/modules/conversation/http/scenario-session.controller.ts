import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimit } from '../../../platform/rate-limit';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { ConversationIdDto, SendMessageDto, StartScenarioDto } from '../dto/requests';
import { FeedbackView } from '../dto/responses';
import { FeedbackService } from '../feedback.service';
import { SEND_DOC } from './chat.controller';
import { MessageResponder } from './message-responder';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('scenarios')
export class ScenarioSessionController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly responder: MessageResponder,
    private readonly feedback: FeedbackService,
  ) {}

  @Post('start')
  @RequirePermissions('conversation:write:own', 'scenario:read')
  @RateLimit('scenarioStart')
  @ApiOperation({
    summary:
      'Start a scenario. The opening is the character’s first line; reverse-role scenarios open with the situation and wait for the learner.',
  })
  @ApiResponse({ status: 201, description: 'ConversationStarted with `scenario` (ScenarioSummary).' })
  @ApiResponse({
    status: 409,
    description: 'CONSENT_REQUIRED: a sensitive scenario needs `acknowledgeSensitive: true`.',
  })
  start(@CurrentUser() principal: Principal, @Body() dto: StartScenarioDto) {
    return this.conversations.startScenario(principal, dto);
  }

  @Post('message')
  @RequirePermissions('conversation:write:own')
  @RateLimit('message')
  @ApiOperation({ summary: 'Same as POST /chat/message.', description: SEND_DOC })
  @ApiProduces('application/json', 'text/event-stream')
  message(
    @CurrentUser() principal: Principal,
    @Body() dto: SendMessageDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.responder.send(principal, dto, accept, reply);
  }

  @Post('feedback')
  @RequirePermissions('conversation:read:own')
  @ApiOperation({
    summary: 'Feedback for a scenario conversation, including an assessment of each feedback point.',
  })
  @ApiResponse({ status: 201, type: FeedbackView })
  feedbackFor(@CurrentUser() principal: Principal, @Body() dto: ConversationIdDto) {
    return this.feedback.forConversation(principal, dto.conversationId, ['scenario']);
  }
}
