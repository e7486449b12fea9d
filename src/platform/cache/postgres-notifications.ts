import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

const RETRY_MS = { first: 500, max: 10_000 };

/**
 * Messages between processes that share PostgreSQL but no Redis (the single-instance service and an operator
 * command such as a scenario import): NOTIFY through the pool, LISTEN on a dedicated connection that
 * reconnects on its own. Messages sent while it was down are lost, so `onReconnect` lets the owner start afresh.
 */
export class PostgresNotifications {
  private readonly logger = new Logger('PostgresNotifications');
  private client?: Client;
  private stopped = false;
  private retryMs = RETRY_MS.first;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly dataSource: DataSource,
    private readonly handlers: { onMessage: (payload: string) => void; onReconnect: () => void },
  ) {}

  /** Starts listening; a first failure does not stop the caller, the connection is retried in the background. */
  async start(): Promise<void> {
    await this.connect(false);
  }

  async publish(payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(reconnecting: boolean): Promise<void> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    let failed = false;
    const lost = (e?: Error) => {
      if (failed || this.stopped) return;
      failed = true;
      if (this.client === client) this.client = undefined;
      this.logger.warn(`listening connection lost${e ? `: ${e.message}` : ''}; reconnecting`);
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => {
      if (n.channel === this.channel && n.payload !== undefined) this.handlers.onMessage(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
    } catch (e) {
      lost(e as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MS.first;
    if (reconnecting) {
      this.logger.log('listening connection restored');
      this.handlers.onReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MS.max);
    this.retryTimer = setTimeout(() => void this.connect(true), wait);
    this.retryTimer.unref();
  }
}
