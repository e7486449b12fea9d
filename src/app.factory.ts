import helmet from '@fastify/helmet';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { toErrorBody } from './platform/http/error-body';
import { setupOpenApi } from './platform/http/openapi';
import { HttpMetrics } from './platform/metrics/http-metrics';
import { requestIdFrom } from './shared';

export const API_PREFIX = 'api/v1';

/** Builds a fully configured application (not yet listening). Used by main.ts and by the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.app.bodyLimitBytes,
    trustProxy: config.app.trustProxy,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(req.headers['x-request-id']),
    return503OnClosing: true,
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // pino-http reads the id from the raw request; clients read it from the header.
    (request.raw as typeof request.raw & { id?: string }).id = request.id;
    void reply.header('x-request-id', request.id);
    done();
  });
  // Failures inside Fastify itself (body parsing, size limits) get the same error body as the rest.
  fastify.setErrorHandler((error, request, reply) => {
    const { body, headers } = toErrorBody(error, request.id);
    void reply.headers(headers).status(body.statusCode).send(body);
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.get(HttpMetrics).attach(fastify);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app.enableCors({
    origin: config.app.corsOrigins.length ? config.app.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
  });
  setupOpenApi(app);
  await app.init();
  return app;
}
