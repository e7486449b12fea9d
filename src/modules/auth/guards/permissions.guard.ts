import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthorizedError } from '../../../shared';
import { can } from '../domain/permissions';
import { accessRuleOf, handlerOf, principalHolder } from './access-metadata';

/**
 * Last global guard: the caller's current role must hold every permission the handler declares.
 * A handler that declares nothing is refused to everyone: access is opt-in.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  private readonly logger = new Logger('PermissionsGuard');
  private readonly reported = new Set<string>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = accessRuleOf(this.reflector, handlerOf(context));
    if (rule.kind === 'public') return true;
    if (rule.kind === 'undeclared') {
      const name = `${context.getClass().name}.${context.getHandler().name}`;
      if (!this.reported.has(name)) {
        this.reported.add(name);
        this.logger.error(
          `${name} declares neither @RequirePermissions, @Authenticated nor @Public; refusing every call.`,
        );
      }
      throw new ForbiddenError('This route is not open to any role.');
    }
    const principal = principalHolder(context).principal;
    if (!principal) throw new UnauthorizedError();
    if (rule.kind === 'permissions' && !rule.permissions.every((p) => can(principal.role, p)))
      throw new ForbiddenError();
    return true;
  }
}
