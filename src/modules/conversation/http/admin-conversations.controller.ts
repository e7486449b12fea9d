import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { RequirePermissions } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { AdminConversationsQuery } from '../dto/requests';
import { ConversationDetailView, ConversationSummaryPage } from '../dto/responses';

const FORBIDDEN = 'FORBIDDEN: the role lacks conversation:read:all.';

@ApiTags('admin')
@ApiBearerAuth()
@ApiSignedInErrors()
@Controller('admin/conversations')
export class AdminConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @RequirePermissions('conversation:read:all')
  @ApiOperation({ summary: 'All conversations, newest first, filtered by userId and mode.' })
  @ApiOkResponse({ type: ConversationSummaryPage })
  @ApiErrors({ 400: 'VALIDATION_FAILED: userId not a UUID, an unknown mode or page bounds.', 403: FORBIDDEN })
  list(@Query() query: AdminConversationsQuery) {
    return this.conversations.adminList(query);
  }

  @Get(':id')
  @RequirePermissions('conversation:read:all')
  @ApiOperation({ summary: 'One conversation with its messages.' })
  @ApiOkResponse({ type: ConversationDetailView })
  @ApiErrors({
    400: 'VALIDATION_FAILED: id is not a UUID.',
    403: FORBIDDEN,
    404: 'NOT_FOUND: no such conversation.',
  })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.conversations.adminGet(id);
  }
}
