import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config';
import { ConversationsService } from './conversations.service';

const SWEEP_EVERY_MS = 60_000;

/**
 * Ends conversations idle for longer than CONVERSATION_IDLE_TIMEOUT_MINUTES. Every instance sweeps;
 * the UPDATE ... WHERE ended_at IS NULL makes each conversation end (and publish) exactly once.
 */
@Injectable()
export class IdleSweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('IdleSweeper');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly conversations: ConversationsService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      return await this.conversations.endIdle(this.config.conversation.idleTimeoutMinutes);
    } catch (e) {
      this.logger.warn(`idle sweep failed: ${(e as Error).message}`);
      return 0;
    }
  }
}
