import { NotFoundError } from '../../shared';
import type { Principal } from './principal';

/**
 * For `*:own` permissions: another user's resource answers exactly like a missing one (404), so a
 * caller learns nothing about what others have.
 */
export function ownedBy<T>(
  principal: Principal,
  resource: T | null | undefined,
  ownerOf: (resource: T) => string | null | undefined,
  what = 'Resource',
): T {
  if (resource === null || resource === undefined || ownerOf(resource) !== principal.userId)
    throw new NotFoundError(what);
  return resource;
}

/** The same rule when only the owner's id is at hand. */
export function assertOwner(
  principal: Principal,
  ownerId: string | null | undefined,
  what = 'Resource',
): void {
  if (!ownerId || ownerId !== principal.userId) throw new NotFoundError(what);
}
