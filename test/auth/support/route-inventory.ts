import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  GATEWAY_METADATA,
  GATEWAY_OPTIONS,
  MESSAGE_MAPPING_METADATA,
  MESSAGE_METADATA,
} from '@nestjs/websockets/constants';
import { API_PREFIX } from '../../../src/app.factory';
import {
  accessRuleOf,
  type AccessRule,
  type AccessTarget,
} from '../../../src/modules/auth/guards/access-metadata';
import { RATE_LIMIT_BUCKET } from '../../../src/platform/rate-limit/budgets';

export interface HttpRoute {
  method: string;
  /** Fastify's route template, e.g. /api/v1/admin/users/:id/role */
  path: string;
  rule: AccessRule;
  bucket?: string;
}

export interface SocketHandler {
  namespace: string;
  event: string;
  gateway: Class;
  rule: AccessRule;
}

type Class = new (...args: never[]) => unknown;

function join(...parts: string[]): string {
  const path = parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : [typeof v === 'string' ? v : ''];

function classesOf(app: NestFastifyApplication): { controllers: Class[]; providers: Class[] } {
  const controllers = new Set<Class>();
  const providers = new Set<Class>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values())
      if (wrapper.metatype) controllers.add(wrapper.metatype as Class);
    for (const wrapper of module.providers.values()) {
      if (typeof wrapper.metatype === 'function' && wrapper.metatype.prototype)
        providers.add(wrapper.metatype as Class);
    }
  }
  return { controllers: [...controllers], providers: [...providers] };
}

/**
 * Every HTTP route the running app serves through a Nest handler, with what it declares, read from the
 * same metadata the guards read. The real URL (with or without the API prefix) is confirmed in Fastify's table.
 */
export function httpRoutesOf(app: NestFastifyApplication): HttpRoute[] {
  const reflector = app.get(Reflector);
  const fastify = app.getHttpAdapter().getInstance();
  const scanner = new MetadataScanner();
  const routes: HttpRoute[] = [];
  for (const controller of classesOf(app).controllers) {
    const prototype = controller.prototype as Record<string, AccessTarget>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (methodPaths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const rule = accessRuleOf(reflector, [handler, controller]);
      const bucket = reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_BUCKET, [
        handler,
        controller,
      ]);
      for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const own of asList(methodPaths)) {
          const candidates = [join(API_PREFIX, base, own), join(base, own)];
          const path = candidates.find((url) => fastify.hasRoute({ method: method, url }));
          if (!path)
            throw new Error(
              `${controller.name}.${name} (${method} ${candidates[0]}) is not in the route table`,
            );
          routes.push({ method, path, rule, ...(bucket ? { bucket } : {}) });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Every Socket.IO event handler of every gateway, with what it declares. */
export function socketHandlersOf(app: NestFastifyApplication): SocketHandler[] {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const handlers: SocketHandler[] = [];
  for (const gateway of classesOf(app).providers) {
    if (!Reflect.getMetadata(GATEWAY_METADATA, gateway)) continue;
    const options = (Reflect.getMetadata(GATEWAY_OPTIONS, gateway) ?? {}) as { namespace?: unknown };
    const namespace = typeof options.namespace === 'string' ? options.namespace : '/';
    const prototype = gateway.prototype as Record<string, AccessTarget>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler)) continue;
      const event = String(Reflect.getMetadata(MESSAGE_METADATA, handler));
      handlers.push({ namespace, event, gateway, rule: accessRuleOf(reflector, [handler, gateway]) });
    }
  }
  return handlers.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.event.localeCompare(b.event));
}

export function describeRule(rule: AccessRule): string {
  switch (rule.kind) {
    case 'permissions':
      return [...rule.permissions].sort().join(' + ');
    default:
      return rule.kind;
  }
}

/** The committed listing's format: one line a route or socket handler. */
export function listing(routes: HttpRoute[], sockets: SocketHandler[]): string {
  const lines = [
    '# Every HTTP route and socket handler with the access it declares (and its named rate limit).',
    '# Generated from the running app by test/auth/route-permissions.e2e.spec.ts; update it with the change that causes a difference.',
    ...routes.map(
      (r) =>
        `${r.method.padEnd(6)} ${r.path}  ${describeRule(r.rule)}${r.bucket ? `  [rate limit: ${r.bucket}]` : ''}`,
    ),
    ...sockets.map((s) => `${'WS'.padEnd(6)} ${s.namespace} ${s.event}  ${describeRule(s.rule)}`),
  ];
  return `${lines.join('\n')}\n`;
}
