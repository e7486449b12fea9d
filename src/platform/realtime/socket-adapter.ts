import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config';
import { RedisConnections } from '../redis/redis-connections';

/**
 * Socket.IO on the HTTP port. With Redis, the Redis adapter shares rooms across instances, so an event
 * emitted on one instance reaches clients connected to any; without it, rooms live in this process.
 */
export class SocketAdapter extends IoAdapter {
  private readonly logger = new Logger('SocketAdapter');

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      maxHttpBufferSize: this.config.socket.maxPayloadBytes,
      pingInterval: 20000,
      pingTimeout: 20000,
      cors: {
        origin: this.config.app.corsOrigins.length ? this.config.app.corsOrigins : false,
        credentials: true,
      },
    }) as Server;
    if (this.redis.enabled) {
      const pub = this.redis.create('socket-pub', { maxRetriesPerRequest: null });
      const sub = this.redis.create('socket-sub', { maxRetriesPerRequest: null });
      server.adapter(
        createAdapter(pub, sub, { key: `${this.redis.keyPrefix}socket.io`, requestsTimeout: 3000 }),
      );
      this.logger.log('Socket.IO rooms are shared through Redis');
    }
    return server;
  }
}
