import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { RateLimit } from '../../../platform/rate-limit';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { ConversationIdDto, SendMessageDto, StartScenarioDto } from '../dto/requests';
import { ConversationStartedView, FeedbackView } from '../dto/responses';
import { FeedbackService } from '../feedback.service';
import { ApiSendMessage, NOTHING_TO_ASSESS, SEND_DOC } from './conversation-docs';
import { MessageResponder } from './message-responder';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiSignedInErrors()
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
  @ApiCreatedResponse({
    type: ConversationStartedView,
    description: 'Mode `scenario`, with `scenario` (ScenarioSummary) and the opening Message.',
  })
  @ApiSignedInErrors(
    'Starts also spend from the scenario-start limit (RATE_LIMIT_SCENARIO_START_PER_MINUTE, 10 by default).',
  )
  @ApiErrors({
    400: 'VALIDATION_FAILED: no scenarioId, or preferences that break the rules.',
    404: 'NOT_FOUND: no such scenario, deleted, or a private scenario of another user.',
    409: 'CONSENT_REQUIRED: a sensitive scenario needs `acknowledgeSensitive: true`.',
  })
  start(@CurrentUser() principal: Principal, @Body() dto: StartScenarioDto) {
    return this.conversations.startScenario(principal, dto);
  }

  @Post('message')
  @RequirePermissions('conversation:write:own')
  @RateLimit('message')
  @ApiOperation({ summary: 'Same as POST /chat/message.', description: SEND_DOC })
  @ApiSendMessage()
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
  @ApiCreatedResponse({ type: FeedbackView })
  @ApiErrors({
    400: 'VALIDATION_FAILED',
    404: "NOT_FOUND: no such scenario conversation, or another user's.",
    409: NOTHING_TO_ASSESS,
  })
  feedbackFor(@CurrentUser() principal: Principal, @Body() dto: ConversationIdDto) {
    return this.feedback.forConversation(principal, dto.conversationId, ['scenario']);
  }
}
