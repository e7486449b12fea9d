import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { ConflictError } from '../../../shared';

/** Serialises role changes that could leave the service without a super admin. */
export const ROLE_CHANGES_LOCK = 'auth:super-admins';

/**
 * Transaction-scoped advisory locks on names (an email, a username), taken in a fixed order so that two
 * transactions never wait on each other in a cycle. Checking then writing under them never races.
 */
export async function lockNames(manager: EntityManager, names: string[]): Promise<void> {
  for (const name of [...new Set(names)].sort()) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
  }
}

export const emailTaken = (): ConflictError =>
  new ConflictError('EMAIL_TAKEN', 'This email is already registered.');
export const usernameTaken = (): ConflictError =>
  new ConflictError('USERNAME_TAKEN', 'This username is already taken.');

/** Throws the conflict of the first identity already used by another account. */
export async function assertIdentityFree(
  manager: EntityManager,
  identity: { email?: string; username?: string },
  exceptUserId: string | null = null,
): Promise<void> {
  if (identity.email !== undefined) {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM users WHERE email = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1',
      [identity.email, exceptUserId],
    );
    if (rows.length) throw emailTaken();
  }
  if (identity.username !== undefined) {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM users WHERE lower(username) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1',
      [identity.username, exceptUserId],
    );
    if (rows.length) throw usernameTaken();
  }
}

/** Maps a unique violation that slipped past the checks to its conflict; anything else is rethrown. */
export function conflictFrom(error: unknown): never {
  const constraint = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
    .driverError;
  if (error instanceof QueryFailedError && constraint?.code === '23505') {
    if (constraint.constraint === 'users_email_key') throw emailTaken();
    if (constraint.constraint === 'users_username_key') throw usernameTaken();
  }
  throw error;
}
