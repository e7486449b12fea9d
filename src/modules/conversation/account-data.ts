import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountDeletion } from '../auth';

/** Removes a deleted account's conversations; messages, feedback and quizzes go with them (ON DELETE CASCADE). */
@Injectable()
export class ConversationAccountData implements OnModuleInit {
  constructor(private readonly deletion: AccountDeletion) {}

  onModuleInit(): void {
    this.deletion.register(async (userId, manager) => {
      await manager.query('DELETE FROM conversations WHERE user_id = $1', [userId]);
    });
  }
}
