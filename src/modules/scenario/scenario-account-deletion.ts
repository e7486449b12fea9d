import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountDeletion } from '../auth';
import { ScenarioCache } from './scenario-cache';
import { ScenarioStore } from './scenario.store';

/** Takes part in `DELETE /users/me`: the account's scenarios leave with it (see ScenarioStore.forgetCreator). */
@Injectable()
export class ScenarioAccountDeletion implements OnModuleInit {
  constructor(
    private readonly deletion: AccountDeletion,
    private readonly store: ScenarioStore,
    private readonly cache: ScenarioCache,
  ) {}

  onModuleInit(): void {
    this.deletion.register((userId, manager) => this.forget(userId, manager));
  }

  private async forget(userId: string, manager: EntityManager): Promise<void> {
    await this.store.forgetCreator(userId, manager);
    // This runs before the commit: a read in between may cache the old rows until their TTL, which only shows a
    // deleted account's private scenarios to admins or its id as creator meanwhile.
    await this.cache.invalidate();
  }
}
