import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../auth';
import { ConversationsService } from '../conversations.service';
import { AdminConversationsQuery } from '../dto/requests';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/conversations')
export class AdminConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @RequirePermissions('conversation:read:all')
  @ApiOperation({ summary: 'All conversations, newest first, filtered by userId and mode.' })
  list(@Query() query: AdminConversationsQuery) {
    return this.conversations.adminList(query);
  }

  @Get(':id')
  @RequirePermissions('conversation:read:all')
  @ApiOperation({ summary: 'One conversation with its messages.' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.conversations.adminGet(id);
  }
}
