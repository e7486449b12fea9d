import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from './domain/permissions';
import type { Principal } from './principal';

export const REQUIRED_PERMISSIONS = 'access:permissions';
/** The permissions a route needs; the caller must hold all of them. Routes name permissions, never roles. */
export const RequirePermissions = (...permissions: Permission[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

/** The authenticated principal of the request (HTTP) or of the socket (WebSocket). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  if (ctx.getType() === 'ws') return (ctx.switchToWs().getClient<{ data: { principal: Principal } }>()).data.principal;
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
