import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { IS_AUTHENTICATED_ONLY, IS_PUBLIC } from '../../../platform/http/public.decorator';
import { REQUIRED_PERMISSIONS } from '../decorators';
import type { Permission } from '../domain/permissions';
import type { Principal } from '../principal';

/**
 * What a handler (or its class) declares: open to anyone, open to any signed-in account, a list of
 * permissions, or nothing at all, which is refused to everyone.
 */
/** A handler or a class: what Nest's reflector reads metadata from. */
export type AccessTarget = ReturnType<ExecutionContext['getHandler']>;

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'permissions'; permissions: Permission[] }
  | { kind: 'undeclared' };

/** The most specific declaration wins: a method's own one over its class's. */
export function accessRuleOf(reflector: Reflector, targets: [AccessTarget, AccessTarget]): AccessRule {
  for (const target of targets) {
    if (reflector.get<boolean>(IS_PUBLIC, target)) return { kind: 'public' };
    if (reflector.get<boolean>(IS_AUTHENTICATED_ONLY, target)) return { kind: 'authenticated' };
    const permissions = reflector.get<Permission[] | undefined>(REQUIRED_PERMISSIONS, target);
    if (permissions?.length) return { kind: 'permissions', permissions };
  }
  return { kind: 'undeclared' };
}

export function handlerOf(context: ExecutionContext): [AccessTarget, AccessTarget] {
  return [context.getHandler(), context.getClass()];
}

/** Where a request or a socket keeps its principal. */
export function principalHolder(context: ExecutionContext): { principal?: Principal } {
  if (context.getType() === 'ws') {
    const client = context.switchToWs().getClient<{ data?: { principal?: Principal } }>();
    return client.data ?? {};
  }
  return context.switchToHttp().getRequest<{ principal?: Principal }>();
}
