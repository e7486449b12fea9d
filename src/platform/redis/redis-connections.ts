import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis, { RedisOptions } from 'ioredis';
import { InjectConfig, type AppConfig } from '../../config';

/**
 * The one factory of Redis connections. Every connection logs its errors (an unhandled 'error' event
 * would crash the process), reconnects with capped backoff, and is closed at shutdown.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly connections = new Set<Redis>();
  private commandClient?: Redis;
  private failing = false;
  readonly enabled: boolean;
  readonly keyPrefix: string;

  constructor(@InjectConfig() private readonly config: AppConfig) {
    this.enabled = Boolean(config.redis.url);
    this.keyPrefix = config.redis.keyPrefix;
  }

  /** The shared connection for ordinary commands. */
  get client(): Redis {
    if (!this.commandClient) {
      const client = this.create('commands');
      client.on('error', () => (this.failing = true));
      client.on('ready', () => (this.failing = false));
      this.commandClient = client;
    }
    return this.commandClient;
  }

  /**
   * Whether the shared connection is known to be down (it failed and has not come back). Requests that
   * must answer a security question from Redis fail at once then, instead of queueing behind reconnects;
   * a connection that is only still opening at start is not down.
   */
  get down(): boolean {
    return this.enabled && this.failing && this.client.status !== 'ready';
  }

  /**
   * Whether the shared connection is up right now. Optional work (cache reads, progress notes) checks this
   * and skips Redis during an outage instead of waiting for each command to time out.
   */
  get ready(): boolean {
    return this.enabled && this.client.status === 'ready';
  }

  /** A dedicated connection (subscribers, blocking queue workers, the socket adapter). */
  create(name: string, options: RedisOptions = {}): Redis {
    if (!this.config.redis.url) throw new Error('Redis is not configured (REDIS_URL is unset).');
    const connection = new Redis(this.config.redis.url, {
      connectionName: `workplace-roleplay:${name}`,
      connectTimeout: 3000,
      maxRetriesPerRequest: 2,
      retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 3000),
      ...options,
    });
    let lastError = '';
    connection.on('error', (error: Error) => {
      // Reconnect loops repeat the same error; log each distinct one once per outage.
      if (error.message !== lastError) this.logger.warn(`${name}: ${error.message}`);
      lastError = error.message;
    });
    connection.on('ready', () => {
      if (lastError) this.logger.log(`${name}: reconnected`);
      lastError = '';
    });
    this.connections.add(connection);
    connection.once('end', () => this.connections.delete(connection));
    return connection;
  }

  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.connections].map(async (c) => {
        // quit() waits for pending replies; a connection that is down would wait forever.
        if (c.status === 'ready') await Promise.race([c.quit().catch(() => undefined), sleep(1000)]);
        c.disconnect();
      }),
    );
    this.connections.clear();
  }
}
