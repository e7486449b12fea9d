import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from './domain/permissions';
import type { Principal } from './principal';

export const REQUIRED_PERMISSIONS = 'access:permissions';
/**
 * The permissions a route (or every route of a controller) needs; the caller's current role must hold all
 * of them. Routes name permissions, never roles. For "any signed-in account" use `@Authenticated()`.
 */
export const RequirePermissions = (
  permission: Permission,
  ...more: Permission[]
): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_PERMISSIONS, [permission, ...more]);

/** The authenticated principal of the request (HTTP) or of the socket (WebSocket). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  if (ctx.getType() === 'ws')
    return ctx.switchToWs().getClient<{ data: { principal: Principal } }>().data.principal;
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
