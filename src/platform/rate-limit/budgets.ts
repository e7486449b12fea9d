import { SetMetadata } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import type { AppConfig } from '../../config';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Limits every API route spends from. */
export const GENERAL_LIMITS = ['perMinute', 'perHour'] as const;
/** Limits only the routes (and socket events) that name them spend from: one shared budget per caller each. */
export const RATE_LIMIT_BUCKETS = ['message', 'scenarioStart', 'watchStart', 'analytics'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

export const RATE_LIMIT_BUCKET = 'rate-limit:bucket';
/**
 * Makes a route (or every route of a controller) also spend from a named limit of the API contract:
 * `message` (chat, scenario and watch messages), `scenarioStart`, `watchStart`, `analytics`.
 */
export const RateLimit = (bucket: RateLimitBucket): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT_BUCKET, bucket);

/**
 * The limits of the API contract, from configuration. No punitive block: a caller over a limit may
 * go on as soon as the window lets them, and Retry-After says when.
 */
export function limitsFrom(config: AppConfig): ThrottlerOptions[] {
  const r = config.rateLimit;
  const limit = (name: string, count: number, ttl: number): ThrottlerOptions => ({
    name,
    limit: count,
    ttl,
    blockDuration: 0,
  });
  return [
    limit('perMinute', r.perMinute, MINUTE_MS),
    limit('perHour', r.perHour, HOUR_MS),
    limit('message', r.messagePerMinute, MINUTE_MS),
    limit('scenarioStart', r.scenarioStartPerMinute, MINUTE_MS),
    limit('watchStart', r.watchStartPerMinute, MINUTE_MS),
    limit('analytics', r.analyticsPerHour, HOUR_MS),
  ];
}

/** One counter per limit and caller, shared by every route that spends from that limit. */
export function limitKey(limit: string, tracker: string): string {
  return `${limit}:${tracker}`;
}
