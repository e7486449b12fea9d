import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Deletes what one context stores for a user, inside the account-deletion transaction (use `manager`). */
export type AccountDeletionParticipant = (userId: string, manager: EntityManager) => Promise<void>;

/**
 * Where other contexts plug into `DELETE /users/me`: auth owns the transaction and knows nothing of their
 * tables; each context registers a participant (at module init) that removes its rows of the user. A failing
 * participant rolls the whole deletion back, so an account is never half deleted.
 */
@Injectable()
export class AccountDeletion {
  private readonly participants: AccountDeletionParticipant[] = [];

  register(participant: AccountDeletionParticipant): void {
    this.participants.push(participant);
  }

  /** Runs every participant, in registration order, within the caller's transaction. */
  async run(userId: string, manager: EntityManager): Promise<void> {
    for (const participant of this.participants) await participant(userId, manager);
  }
}
