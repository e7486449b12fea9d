import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { Authenticated } from '../../../platform/http/public.decorator';
import { NotFoundError } from '../../../shared';
import { AuthService } from '../auth.service';
import { CurrentUser } from '../decorators';
import { toUserResponse, UpdateMeDto, UserResponse } from '../dto/user.dto';
import type { Principal } from '../principal';
import { UsersService } from '../users/users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiSignedInErrors()
@Authenticated()
@Controller('users/me')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentUser() principal: Principal): Promise<UserResponse> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new NotFoundError('User');
    return toUserResponse(user);
  }

  @Put()
  @ApiOperation({
    summary: 'Change the profile',
    description:
      'Only the given fields change. `preferences` replaces the stored preferences as a whole; `displayName: null` clears it. ' +
      'Email and password are not changed here.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors({ 400: 'VALIDATION_FAILED', 409: 'USERNAME_TAKEN' })
  async update(@CurrentUser() principal: Principal, @Body() body: UpdateMeDto): Promise<UserResponse> {
    return toUserResponse(await this.users.updateProfile(principal.userId, body));
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete the account and all its data',
    description:
      'Deletes the account and every row it owns (conversations, messages, feedback, analyses, its private scenarios) ' +
      'in one transaction, and ends all its logins: its tokens stop working at once. The deletion is recorded on the ' +
      'audit trail by account id only. The last super admin cannot delete their account (409 LAST_SUPER_ADMIN).',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors({ 409: 'LAST_SUPER_ADMIN' })
  remove(@CurrentUser() principal: Principal): Promise<void> {
    return this.auth.deleteAccount(principal);
  }
}
