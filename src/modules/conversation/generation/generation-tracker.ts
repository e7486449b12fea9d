import { Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../../config';
import { RedisConnections } from '../../../platform/redis/redis-connections';

/** A generation older than this is presumed lost with its instance and no longer counts. */
const MAX_GENERATION_MS = 3 * 60 * 1000;

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface InProgressReply {
  replyTo: string;
  text: string;
}

/**
 * Replies being generated: the per-user cap, and the text so far so a reconnecting client can resume.
 * Shared through Redis when configured; this instance's own state is always kept too, so an outage of
 * Redis degrades to per-instance behaviour instead of failing the learner's message.
 */
@Injectable()
export class GenerationTracker {
  private readonly logger = new Logger('GenerationTracker');
  private readonly perUser = new Map<string, Map<string, number>>();
  private readonly byConversation = new Map<string, InProgressReply>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {}

  /** Takes one of the user's generation slots; false when the user is at the cap. */
  async tryAcquire(userId: string, replyTo: string): Promise<boolean> {
    const limit = this.config.conversation.maxConcurrentGenerations;
    const now = Date.now();
    const shared = await this.shared(
      async (r) =>
        (await r.eval(
          ACQUIRE,
          1,
          this.key('user', userId),
          now - MAX_GENERATION_MS,
          now,
          limit,
          replyTo,
          MAX_GENERATION_MS,
        )) === 1,
    );
    const slots = this.perUser.get(userId) ?? new Map<string, number>();
    for (const [id, at] of slots) if (at < now - MAX_GENERATION_MS) slots.delete(id);
    if (shared === false || (shared === undefined && slots.size >= limit)) return false;
    slots.set(replyTo, now);
    this.perUser.set(userId, slots);
    return true;
  }

  async release(userId: string, replyTo: string): Promise<void> {
    this.perUser.get(userId)?.delete(replyTo);
    if (this.perUser.get(userId)?.size === 0) this.perUser.delete(userId);
    await this.shared((r) => r.zrem(this.key('user', userId), replyTo));
  }

  async begin(conversationId: string, replyTo: string): Promise<void> {
    this.byConversation.set(conversationId, { replyTo, text: '' });
    await this.shared((r) =>
      r
        .multi()
        .set(this.key('conv', conversationId), replyTo, 'PX', MAX_GENERATION_MS)
        .set(this.key('text', conversationId), '', 'PX', MAX_GENERATION_MS)
        .set(this.key('reply', replyTo), '1', 'PX', MAX_GENERATION_MS)
        .exec(),
    );
  }

  /** Adds generated text; returns the length of the reply so far (in JavaScript string units). */
  async append(conversationId: string, text: string): Promise<number> {
    const entry = this.byConversation.get(conversationId);
    if (entry) entry.text += text;
    await this.shared((r) => r.append(this.key('text', conversationId), text));
    return entry?.text.length ?? 0;
  }

  async end(conversationId: string, replyTo: string): Promise<void> {
    if (this.byConversation.get(conversationId)?.replyTo === replyTo)
      this.byConversation.delete(conversationId);
    await this.shared((r) =>
      r.del(this.key('conv', conversationId), this.key('text', conversationId), this.key('reply', replyTo)),
    );
  }

  async inProgress(conversationId: string): Promise<InProgressReply | null> {
    const local = this.byConversation.get(conversationId);
    if (local) return { ...local };
    const remote = await this.shared(async (r) => {
      const [replyTo, text] = await r.mget(
        this.key('conv', conversationId),
        this.key('text', conversationId),
      );
      return replyTo ? { replyTo, text: text ?? '' } : null;
    });
    return remote ?? null;
  }

  async isGenerating(conversationId: string, replyTo: string): Promise<boolean> {
    if (this.byConversation.get(conversationId)?.replyTo === replyTo) return true;
    return (await this.shared(async (r) => (await r.exists(this.key('reply', replyTo))) === 1)) ?? false;
  }

  /** Runs a Redis step when Redis is configured and up; undefined when it is not, or when the step fails. */
  private async shared<T>(step: (r: RedisConnections['client']) => Promise<T>): Promise<T | undefined> {
    if (!this.redis.ready) return undefined;
    try {
      return await step(this.redis.client);
    } catch (e) {
      this.logger.warn(`Redis unavailable, using this instance's state: ${(e as Error).message}`);
      return undefined;
    }
  }

  private key(kind: string, id: string): string {
    return `${this.redis.keyPrefix}gen:${kind}:${id}`;
  }
}
