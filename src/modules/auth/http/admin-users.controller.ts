import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { pageOf, ValidationFailedError } from '../../../shared';
import { UserSearch } from '../admin/user-search';
import { AuditTrail } from '../audit/audit-trail';
import { CurrentUser, RequirePermissions } from '../decorators';
import {
  AdminUsersQuery,
  AuditPage,
  AuditQuery,
  ChangeRoleDto,
  toAuditEventResponse,
  UserPage,
} from '../dto/admin.dto';
import { toUserResponse, UserResponse } from '../dto/user.dto';
import type { Principal } from '../principal';
import { UsersService } from '../users/users.service';

const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationFailedError('id must be a UUID.'),
});

@ApiTags('admin')
@ApiBearerAuth()
@ApiSignedInErrors()
@Controller('admin')
export class AdminUsersController {
  constructor(
    private readonly search: UserSearch,
    private readonly users: UsersService,
    private readonly audit: AuditTrail,
  ) {}

  @Get('users')
  @RequirePermissions('user:read:all')
  @ApiOperation({
    summary: 'List accounts',
    description:
      '`q` matches part of the email, username or display name, ignoring case. Newest accounts first.',
  })
  @ApiOkResponse({ type: UserPage })
  @ApiErrors({
    400: 'VALIDATION_FAILED: an unknown role or page bounds.',
    403: 'FORBIDDEN: the role lacks user:read:all.',
  })
  async list(@Query() query: AdminUsersQuery): Promise<UserPage> {
    const page = await this.search.list(query);
    return pageOf(page.items.map(toUserResponse), page.total, query);
  }

  @Patch('users/:id/role')
  @RequirePermissions('user:manage')
  @ApiOperation({
    summary: "Change an account's role",
    description:
      "Takes effect on the account's next request. Recorded on the audit trail (who, from, to, when); setting the " +
      'role it already has changes and records nothing.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors({
    400: 'VALIDATION_FAILED: not a UUID or not a role.',
    403: 'FORBIDDEN: the role lacks user:manage.',
    404: 'NOT_FOUND: no such account.',
    409: 'LAST_SUPER_ADMIN: the change would leave no super admin.',
  })
  async changeRole(
    @CurrentUser() principal: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ChangeRoleDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.changeRole(id, body.role, principal.userId));
  }

  @Get('audit-events')
  @RequirePermissions('user:read:all')
  @ApiOperation({
    summary: 'The audit trail of accounts',
    description:
      'Every role change (`user.role_changed`, details `{ from, to }`), account made by an operator (`user.created`, ' +
      'details `{ role }`) and account deletion (`user.deleted`, details `{ role }`): who acted (`actorId`, null for an ' +
      'operator at the command line), on which account, when. Newest first; filter by action, actor or target. Events ' +
      'hold account ids only, and outlive the accounts they name.',
  })
  @ApiOkResponse({ type: AuditPage })
  @ApiErrors({
    400: 'VALIDATION_FAILED: an unknown action, a malformed id or page bounds.',
    403: 'FORBIDDEN: the role lacks user:read:all.',
  })
  async auditEvents(@Query() query: AuditQuery): Promise<AuditPage> {
    const page = await this.audit.list(query);
    return pageOf(page.items.map(toAuditEventResponse), page.total, query);
  }
}
