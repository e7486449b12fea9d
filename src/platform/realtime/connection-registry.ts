import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RedisConnections } from '../redis/redis-connections';

const HEARTBEAT_MS = 30_000;
const STALE_MS = 3 * HEARTBEAT_MS;

/**
 * Open sockets per user across every instance, for the per-user connection cap. Each instance refreshes
 * its own sockets' entries; entries of an instance that died go stale and stop counting.
 */
@Injectable()
export class ConnectionRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly local = new Map<string, Set<string>>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly redis: RedisConnections) {}

  onModuleInit(): void {
    if (!this.redis.enabled) return;
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Registers the socket unless the user is at the cap; false means refuse the connection. */
  async tryAdd(userId: string, socketId: string, cap: number): Promise<boolean> {
    if (this.redis.enabled) {
      const key = this.key(userId);
      const now = Date.now();
      try {
        const [, count] =
          (await this.redis.client
            .multi()
            .zremrangebyscore(key, '-inf', now - STALE_MS)
            .zcard(key)
            .exec()) ?? [];
        if (Number(count?.[1] ?? 0) >= cap) return false;
        await this.redis.client.multi().zadd(key, now, socketId).pexpire(key, STALE_MS).exec();
      } catch {
        // Without Redis the cap falls back to this instance's own count.
        if ((this.local.get(userId)?.size ?? 0) >= cap) return false;
      }
    } else if ((this.local.get(userId)?.size ?? 0) >= cap) {
      return false;
    }
    const sockets = this.local.get(userId) ?? new Set<string>();
    sockets.add(socketId);
    this.local.set(userId, sockets);
    return true;
  }

  async remove(userId: string, socketId: string): Promise<void> {
    const sockets = this.local.get(userId);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.local.delete(userId);
    if (this.redis.enabled) await this.redis.client.zrem(this.key(userId), socketId).catch(() => undefined);
  }

  private async heartbeat(): Promise<void> {
    const now = Date.now();
    const pipeline = this.redis.client.pipeline();
    for (const [userId, sockets] of this.local) {
      for (const id of sockets) pipeline.zadd(this.key(userId), now, id);
      pipeline.pexpire(this.key(userId), STALE_MS);
    }
    await pipeline.exec().catch(() => undefined);
  }

  private key(userId: string): string {
    return `${this.redis.keyPrefix}sockets:user:${userId}`;
  }
}
