import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../../config';
import { RedisConnections } from '../../../platform/redis/redis-connections';

/**
 * Who is watching each session (open SSE streams and sockets in its room), across instances. Each instance
 * refreshes its own watchers' entries; the entries of an instance that died go stale and stop counting.
 */
@Injectable()
export class WatchPresence implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WatchPresence');
  private readonly local = new Map<string, Set<string>>();
  private readonly beats = new Set<(sessionIds: string[]) => void>();
  private timer?: NodeJS.Timeout;
  /** Often enough that a watcher never looks gone within the idle timeout. */
  readonly heartbeatMs: number;
  private readonly staleMs: number;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly redis: RedisConnections,
  ) {
    this.heartbeatMs = Math.min(
      10_000,
      Math.max(250, Math.floor((config.watch.idleTimeoutSeconds * 1000) / 4)),
    );
    this.staleMs = this.heartbeatMs * 3;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.heartbeat(), this.heartbeatMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Runs on every heartbeat with the sessions watched on this instance (to pick up sessions left without a driver). */
  onHeartbeat(listener: (sessionIds: string[]) => void): () => void {
    this.beats.add(listener);
    return () => this.beats.delete(listener);
  }

  async add(sessionId: string, watcherId: string): Promise<void> {
    const watchers = this.local.get(sessionId) ?? new Set<string>();
    watchers.add(watcherId);
    this.local.set(sessionId, watchers);
    await this.shared((r) =>
      r
        .multi()
        .zadd(this.key(sessionId), Date.now(), watcherId)
        .pexpire(this.key(sessionId), this.staleMs)
        .exec(),
    );
  }

  async remove(sessionId: string, watcherId: string): Promise<void> {
    const watchers = this.local.get(sessionId);
    watchers?.delete(watcherId);
    if (watchers?.size === 0) this.local.delete(sessionId);
    await this.shared((r) => r.zrem(this.key(sessionId), watcherId));
  }

  /** Forgets this instance's watchers of a session that has ended. */
  forget(sessionId: string): void {
    const watchers = this.local.get(sessionId);
    this.local.delete(sessionId);
    if (watchers?.size) void this.shared((r) => r.zrem(this.key(sessionId), ...watchers));
  }

  /** How many watchers the session has on any instance. If Redis cannot say, assume someone watches. */
  async count(sessionId: string): Promise<number> {
    const here = this.local.get(sessionId)?.size ?? 0;
    if (!this.redis.enabled) return here;
    const everywhere = await this.shared((r) =>
      r.zcount(this.key(sessionId), Date.now() - this.staleMs, '+inf'),
    );
    return everywhere === undefined ? Math.max(here, 1) : Math.max(here, everywhere);
  }

  private async heartbeat(): Promise<void> {
    const sessions = [...this.local.keys()];
    if (!sessions.length) return;
    if (this.redis.enabled) {
      const now = Date.now();
      const pipeline = this.redis.client.pipeline();
      for (const [sessionId, watchers] of this.local) {
        for (const id of watchers) pipeline.zadd(this.key(sessionId), now, id);
        pipeline.pexpire(this.key(sessionId), this.staleMs);
      }
      await pipeline.exec().catch(() => undefined);
    }
    for (const beat of this.beats) beat(sessions);
  }

  private async shared<T>(step: (r: RedisConnections['client']) => Promise<T>): Promise<T | undefined> {
    if (!this.redis.enabled) return undefined;
    try {
      return await step(this.redis.client);
    } catch (e) {
      this.logger.warn(`Redis unavailable for watch presence: ${(e as Error).message}`);
      return undefined;
    }
  }

  private key(sessionId: string): string {
    return `${this.redis.keyPrefix}watch:watchers:${sessionId}`;
  }
}
