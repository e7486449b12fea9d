import { Injectable } from '@nestjs/common';
import { CacheService } from '../../platform/cache/cache.service';

const CACHE = 'conversation-history';

/** Cached message pages of a conversation, dropped on every instance whenever the conversation changes. */
@Injectable()
export class HistoryCache {
  constructor(private readonly cache: CacheService) {}

  page<T>(
    conversationId: string,
    limit: number,
    before: string | undefined,
    load: () => Promise<T>,
  ): Promise<T> {
    return this.cache.wrap(CACHE, `${conversationId}:${limit}:${before ?? ''}`, load, 300);
  }

  /** Never fails the write that caused it: with Redis down, other instances drop their copies on reconnect. */
  async invalidate(conversationId: string): Promise<void> {
    await this.cache.deleteByPrefix(CACHE, `${conversationId}:`).catch(() => undefined);
  }
}
