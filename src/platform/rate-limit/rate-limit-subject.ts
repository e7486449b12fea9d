import { normalizeIp } from '@nestjs/throttler';

const SUBJECT = Symbol('rate-limit-subject');

/** The tracker of a signed-in caller: limits count per account, whatever address or transport it uses. */
export function userTracker(userId: string): string {
  return `user:${userId}`;
}

/** Authentication names who is calling; limits then count per account instead of per client address. */
export function setRateLimitUser(request: object, userId: string): void {
  (request as Record<symbol, string>)[SUBJECT] = userTracker(userId);
}

/** The caller's tracker: its account, or else the client address (behind a proxy, as TRUST_PROXY lets the server read it). */
export function rateLimitTrackerOf(request: { ip?: string }): string {
  const subject = (request as Record<symbol, string | undefined>)[SUBJECT];
  return subject ?? `ip:${normalizeIp(request.ip ?? 'unknown')}`;
}
