import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { register } from 'prom-client';
import { InjectConfig, type AppConfig } from '../../config';

/**
 * `GET /metrics` and `GET /health/live` for a process that has no HTTP API (the background worker), so its
 * job metrics can be scraped like an API instance's. Listens on WORKER_METRICS_PORT; 0 turns it off.
 */
@Injectable()
export class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsEndpoint.name);
  private server?: Server;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /** Where it listens, once started. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.jobs.workerMetricsPort;
    if (!port) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'GET' && path === '/metrics') {
        register
          .metrics()
          .then((text) => res.writeHead(200, { 'content-type': register.contentType }).end(text))
          .catch(() => res.writeHead(500).end());
      } else if (req.method === 'GET' && path === '/health/live') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            statusCode: 404,
            code: 'NOT_FOUND',
            message: 'Only /metrics and /health/live.',
          }),
        );
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.app.host, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${this.config.app.host}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
