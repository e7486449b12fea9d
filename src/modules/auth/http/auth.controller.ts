import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, RATE_LIMITED_DOC, UNAUTHORIZED_DOC } from '../../../platform/http/api-responses';
import { Authenticated, Public } from '../../../platform/http/public.decorator';
import { AuthService } from '../auth.service';
import { CurrentUser } from '../decorators';
import { LoginDto, LogoutDto, RefreshDto, RegisterDto, UpgradeDto } from '../dto/credentials.dto';
import { TokenResponse } from '../dto/user.dto';
import type { Principal } from '../principal';

@ApiTags('auth')
@ApiErrors({ 429: RATE_LIMITED_DOC })
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ApiOperation({
    summary: 'Create an account and sign in',
    description: 'The email is stored lower-case; the username is unique whatever its letter case.',
  })
  @ApiCreatedResponse({ type: TokenResponse })
  @ApiErrors({
    400: 'VALIDATION_FAILED: the fields break the rules (messages never repeat the password).',
    409: 'EMAIL_TAKEN or USERNAME_TAKEN.',
  })
  register(@Body() body: RegisterDto): Promise<TokenResponse> {
    return this.auth.register(body);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Starts a new login (a refresh-token family). After 5 failed attempts for one account within 15 minutes the ' +
      'account refuses every sign-in, even with the right password, from any address, until the window passes; ' +
      'this protection stays on when rate limits are switched off. Unknown emails are counted the same way.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrors({
    401: 'INVALID_CREDENTIALS: the same answer for an unknown email and a wrong password.',
    429: 'RATE_LIMITED: the account is locked after failed attempts (Retry-After), or the client is over its limit.',
  })
  login(@Body() body: LoginDto): Promise<TokenResponse> {
    return this.auth.login(body);
  }

  @Public()
  @Post('anonymous')
  @ApiOperation({
    summary: 'Sign in without an account',
    description:
      'Creates an anonymous `user` with no email and a generated username; it can be upgraded later and keeps its data.',
  })
  @ApiBody({ required: false, schema: { type: 'object', properties: {}, example: {} } })
  @ApiCreatedResponse({ type: TokenResponse })
  anonymous(): Promise<TokenResponse> {
    return this.auth.anonymous();
  }

  @Authenticated()
  @Post('upgrade')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Turn the anonymous account into a registered one',
    description:
      'Keeps the account id and all its data. Every earlier login of the account ends: its refresh tokens and ' +
      'access tokens stop working; use the tokens of this answer.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrors({
    400: 'VALIDATION_FAILED',
    401: UNAUTHORIZED_DOC,
    409: 'EMAIL_TAKEN, USERNAME_TAKEN, or ALREADY_REGISTERED when the account is not anonymous.',
  })
  upgrade(@CurrentUser() principal: Principal, @Body() body: UpgradeDto): Promise<TokenResponse> {
    return this.auth.upgrade(principal, body);
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Answers a new access token and a new refresh token; the presented refresh token stops working. Presenting a ' +
      'refresh token that was already exchanged ends that whole login (its refresh tokens and the access tokens issued ' +
      'to it) and answers TOKEN_REUSED.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrors({ 401: 'TOKEN_REUSED, or UNAUTHORIZED for an unknown, expired or revoked refresh token.' })
  refresh(@Body() body: RefreshDto): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Authenticated()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the login of the access token used: that access token, every other access token of the login and its ' +
      'refresh token stop working at once. A `refreshToken` of another of your logins ends that login too; a token ' +
      'that is not yours is ignored.',
  })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiErrors({ 401: UNAUTHORIZED_DOC })
  logout(@CurrentUser() principal: Principal, @Body() body: LogoutDto): Promise<void> {
    return this.auth.logout(principal, body.refreshToken);
  }
}
