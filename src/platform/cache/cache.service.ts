import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../config';
import { DatabaseEndpoint } from '../database/database.module';
import { RedisConnections } from '../redis/redis-connections';
import { PostgresNotifications } from './postgres-notifications';

export const cacheMetricProviders = [
  makeCounterProvider({ name: 'cache_requests_total', help: 'Cache lookups', labelNames: ['cache'] }),
  makeCounterProvider({
    name: 'cache_hits_total',
    help: 'Cache lookups that found a value',
    labelNames: ['cache'],
  }),
];

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more, and channel names over 63 bytes (a long key
// prefix would make one); the notices carry full keys, so one fixed channel serves every prefix.
const MAX_NOTIFY_BYTES = 7000;
const PG_CHANNEL = 'workplace_roleplay_cache';

interface Invalidation {
  from: string;
  keys?: string[];
  prefix?: string;
}

/**
 * A two-level cache: an in-process LRU in front of Redis when Redis is configured, the LRU alone otherwise.
 * Writes and deletes go to Redis and are announced on a channel, so every instance drops its local copy
 * and none serves stale data after a change. Redis failures degrade to a miss, never to an error.
 * Without Redis, deletes are announced through PostgreSQL instead, so a change made by another process on
 * the same database (an operator's import) reaches the service at once.
 */
@Injectable()
export class CacheService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Cache');
  private readonly instanceId = randomUUID();
  private readonly local: LRUCache<string, { value: unknown }>;
  private readonly channel: string;
  private subscriber?: Redis;
  private notifications?: PostgresNotifications;
  private readonly pending: Invalidation[] = [];

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    @InjectMetric('cache_requests_total') private readonly requests: Counter<string>,
    @InjectMetric('cache_hits_total') private readonly hits: Counter<string>,
    private readonly dataSource: DataSource,
    private readonly database: DatabaseEndpoint,
  ) {
    this.local = new LRUCache({ max: config.cache.localMaxEntries, ttlAutopurge: false });
    this.channel = `${redis.keyPrefix}cache:invalidate`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) {
      this.notifications = new PostgresNotifications(this.database.url, PG_CHANNEL, this.dataSource, {
        onMessage: (raw) => this.applyInvalidation(raw),
        onReconnect: () => this.local.clear(),
      });
      await this.notifications.start();
      return;
    }
    this.subscriber = this.redis.create('cache-invalidation');
    this.subscriber.on('message', (_channel: string, raw: string) => this.applyInvalidation(raw));
    // Messages sent while the subscription was down are lost, so a (re)connect starts from an empty local level.
    this.subscriber.on('ready', () => this.local.clear());
    this.redis.client.on('ready', () => void this.replayPending());
    // Reconnects re-subscribe automatically (ioredis autoResubscribe).
    await this.subscriber
      .subscribe(this.channel)
      .catch((e: Error) => this.logger.warn(`subscribe failed: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.notifications?.stop();
    this.local.clear();
  }

  async get<T>(cache: string, key: string): Promise<T | undefined> {
    this.requests.inc({ cache });
    const full = this.key(cache, key);
    const local = this.local.get(full);
    if (local) {
      this.hits.inc({ cache });
      return local.value as T;
    }
    if (!this.redis.ready) return undefined;
    try {
      const [raw, ttl] = await Promise.all([this.redis.client.get(full), this.redis.client.pttl(full)]);
      if (raw === null) return undefined;
      const value = JSON.parse(raw) as T;
      if (ttl > 0) this.local.set(full, { value }, { ttl });
      this.hits.inc({ cache });
      return value;
    } catch (e) {
      this.logger.warn(`get ${cache} failed: ${(e as Error).message}`);
      return undefined;
    }
  }

  async set<T>(
    cache: string,
    key: string,
    value: T,
    ttlSeconds = this.config.cache.defaultTtlSeconds,
  ): Promise<void> {
    const full = this.key(cache, key);
    this.local.set(full, { value }, { ttl: ttlSeconds * 1000 });
    if (!this.redis.ready) return;
    try {
      await this.redis.client.set(full, JSON.stringify(value), 'EX', ttlSeconds);
      // An overwrite is a change too: other instances drop their local copy and read the new value.
      await this.redis.client.publish(this.channel, JSON.stringify({ from: this.instanceId, keys: [full] }));
    } catch (e) {
      this.logger.warn(`set ${cache} failed: ${(e as Error).message}`);
    }
  }

  /** Reads through the cache: computes and stores the value on a miss. */
  async wrap<T>(cache: string, key: string, compute: () => Promise<T>, ttlSeconds?: number): Promise<T> {
    const hit = await this.get<T>(cache, key);
    if (hit !== undefined) return hit;
    const value = await compute();
    await this.set(cache, key, value, ttlSeconds);
    return value;
  }

  async delete(cache: string, ...keys: string[]): Promise<void> {
    const full = keys.map((k) => this.key(cache, k));
    for (const k of full) this.local.delete(k);
    if (full.length === 0) return;
    await this.broadcast({ from: this.instanceId, keys: full });
  }

  async deleteByPrefix(cache: string, prefix = ''): Promise<void> {
    const full = this.key(cache, prefix);
    this.dropLocalPrefix(full);
    await this.broadcast({ from: this.instanceId, prefix: full });
  }

  /**
   * Removes the shared copies and tells the other instances. While Redis is down the invalidation is kept
   * and replayed when it returns, so no stale shared copy outlives an outage.
   */
  private async broadcast(message: Invalidation): Promise<void> {
    if (!this.redis.enabled) return this.notify(message);
    if (!this.redis.ready) {
      this.pending.push(message);
      return;
    }
    try {
      await this.removeShared(message);
      await this.redis.client.publish(this.channel, JSON.stringify(message));
    } catch (e) {
      this.logger.warn(`invalidation deferred until Redis answers: ${(e as Error).message}`);
      this.pending.push(message);
    }
  }

  /** Without Redis there is no shared level: only the other processes' local copies need to go. */
  private async notify(message: Invalidation): Promise<void> {
    let payload = JSON.stringify(message);
    if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) {
      // Too many keys for one notice: the others drop every local copy instead.
      payload = JSON.stringify({ from: message.from, prefix: `${this.redis.keyPrefix}cache:` });
    }
    await this.notifications
      ?.publish(payload)
      .catch((e: Error) => this.logger.warn(`invalidation notice not sent: ${e.message}`));
  }

  private async removeShared(message: Invalidation): Promise<void> {
    if (message.keys?.length) await this.redis.client.unlink(...message.keys);
    if (message.prefix === undefined) return;
    let cursor = '0';
    do {
      const [next, found] = await this.redis.client.scan(
        cursor,
        'MATCH',
        `${escapeGlob(message.prefix)}*`,
        'COUNT',
        500,
      );
      if (found.length) await this.redis.client.unlink(...found);
      cursor = next;
    } while (cursor !== '0');
  }

  private async replayPending(): Promise<void> {
    for (const message of this.pending.splice(0)) await this.broadcast(message);
  }

  private applyInvalidation(raw: string): void {
    try {
      const message = JSON.parse(raw) as Invalidation;
      if (message.from === this.instanceId) return;
      message.keys?.forEach((k) => this.local.delete(k));
      if (message.prefix !== undefined) this.dropLocalPrefix(message.prefix);
    } catch {
      this.logger.warn('ignored a malformed invalidation message');
    }
  }

  private dropLocalPrefix(prefix: string): void {
    for (const k of this.local.keys()) if (k.startsWith(prefix)) this.local.delete(k);
  }

  private key(cache: string, key: string): string {
    return `${this.redis.keyPrefix}cache:${cache}:${key}`;
  }
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
