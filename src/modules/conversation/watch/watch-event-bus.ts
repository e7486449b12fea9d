import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisConnections } from '../../../platform/redis/redis-connections';
import type { WatchMessageView, WatchQuizView } from './dto/watch-responses';
import type { WatchEndReason } from './watch-session';

export type WatchEvent =
  | { type: 'ai.message'; sessionId: string; message: WatchMessageView }
  | { type: 'user.message'; sessionId: string; message: WatchMessageView }
  | { type: 'quiz'; sessionId: string; quiz: WatchQuizView }
  | { type: 'user.join'; sessionId: string; userId: string }
  | { type: 'user.leave'; sessionId: string; userId: string }
  | { type: 'ended'; sessionId: string; reason: WatchEndReason };

/** Where an event was published: on this instance, or on another one (received through Redis). */
export type EventOrigin = 'local' | 'remote';
type Listener = (event: WatchEvent, origin: EventOrigin) => void;

/**
 * What happens in watch sessions, on every instance. The instance where something happens publishes it
 * once; the others receive it through Redis pub/sub, so an SSE stream on any instance sees each event once.
 * Socket rooms take only local events: the Socket.IO Redis adapter already carries them to other instances.
 */
@Injectable()
export class WatchEventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WatchEventBus');
  private readonly origin = randomUUID();
  private readonly all = new Set<Listener>();
  private readonly bySession = new Map<string, Set<Listener>>();
  private subscriber?: Redis;

  constructor(private readonly redis: RedisConnections) {}

  private get channel(): string {
    return `${this.redis.keyPrefix}watch:events`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    this.subscriber = this.redis.create('watch-events');
    this.subscriber.on('message', (_channel: string, raw: string) => this.receive(raw));
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (e) {
      // ioredis subscribes again once Redis is back; until then other instances' events are missed.
      this.logger.warn(`could not subscribe to watch events yet: ${(e as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    this.all.clear();
    this.bySession.clear();
  }

  publish(event: WatchEvent): void {
    this.deliver(event, 'local');
    if (!this.redis.enabled) return;
    this.redis.client
      .publish(this.channel, JSON.stringify({ origin: this.origin, event }))
      .catch((e: Error) => {
        this.logger.warn(`watch event not shared with other instances: ${e.message}`);
      });
  }

  /** Every event of every session; returns the function that unsubscribes. */
  listen(listener: Listener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  /** The events of one session; returns the function that unsubscribes. */
  subscribe(sessionId: string, listener: Listener): () => void {
    const listeners = this.bySession.get(sessionId) ?? new Set<Listener>();
    listeners.add(listener);
    this.bySession.set(sessionId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.bySession.get(sessionId) === listeners)
        this.bySession.delete(sessionId);
    };
  }

  private receive(raw: string): void {
    let parsed: { origin?: string; event?: WatchEvent };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.origin === this.origin || !parsed.event) return;
    this.deliver(parsed.event, 'remote');
  }

  private deliver(event: WatchEvent, origin: EventOrigin): void {
    for (const listener of [...this.all, ...(this.bySession.get(event.sessionId) ?? [])]) {
      try {
        listener(event, origin);
      } catch (e) {
        this.logger.error(`watch event listener failed: ${(e as Error).message}`);
      }
    }
  }
}
