import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { setRateLimitUser } from '../../../platform/rate-limit';
import { UnauthorizedError } from '../../../shared';
import type { Principal } from '../principal';
import { Authenticator } from '../tokens/authenticator';
import { accessRuleOf, handlerOf, principalHolder } from './access-metadata';

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * First global guard: every route that is not public needs a valid, unrevoked access token of an account
 * that still exists; the request then carries its principal. Sockets authenticate in their handshake, and
 * each of their events checks that principal again (revocation, deleted account, current role).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (accessRuleOf(this.reflector, handlerOf(context)).kind === 'public') return true;
    if (context.getType() === 'ws') {
      const holder = principalHolder(context);
      if (!holder.principal) throw new UnauthorizedError();
      holder.principal = await this.authenticator.recheck(holder.principal);
      return true;
    }
    if (context.getType() !== 'http') return false;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined>; principal?: Principal }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) throw new UnauthorizedError('UNAUTHORIZED', 'An access token is required.');
    const principal = await this.authenticator.verifyAccessToken(match[1]);
    request.principal = principal;
    setRateLimitUser(request, principal.userId);
    return true;
  }
}
