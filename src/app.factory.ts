import helmet from '@fastify/helmet';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { toErrorBody } from './platform/http/error-body';
import { setupOpenApi } from './platform/http/openapi';
import { HttpMetrics } from './platform/metrics/http-metrics';
import { SocketAdapter } from './platform/realtime/socket-adapter';
import { RedisConnections } from './platform/redis/redis-connections';
import { NotFoundError, requestIdFrom, ValidationFailedError } from './shared';

export const API_PREFIX = 'api/v1';

/**
 * Builds a fully configured application (not yet listening). Used by main.ts and by the e2e tests, which may
 * pass a root module that wraps AppModule to add a probe controller.
 */
export async function createApp(
  config: AppConfig,
  rootModule: DynamicModule = AppModule.forRoot(config),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.app.bodyLimitBytes,
    trustProxy: config.app.trustProxy,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(req.headers['x-request-id']),
    return503OnClosing: true,
    // Path parameters are percent-encoded: an 80-character Japanese slug takes 720 characters.
    routerOptions: { maxParamLength: 1000 },
    // Errors Fastify meets before routing (a malformed or overlong path) get the API's error body too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { body } = toErrorBody(
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new NotFoundError()
          : new ValidationFailedError('The request URL is not valid.'),
        request.id,
      );
      void reply.code(body.statusCode).header('x-request-id', request.id).send(body);
    },
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // pino-http reads the id from the raw request; clients read it from the header.
    (request.raw as typeof request.raw & { id?: string }).id = request.id;
    void reply.header('x-request-id', request.id);
    done();
  });
  // The API speaks JSON only: a form post (which any web page can make across origins) is refused, not parsed.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const type = request.headers['content-type'];
    if (request.body !== undefined && type !== undefined && !/^application\/json\b/i.test(type)) {
      done(Object.assign(new Error('Send the request body as application/json.'), { statusCode: 415 }));
      return;
    }
    done();
  });
  // No Fastify error handler here: Nest installs its own at init, which passes Fastify's errors (bad JSON,
  // body too large) through the global AllExceptionsFilter, so they get the single error body too.

  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.get(HttpMetrics).attach(fastify);
  app.useWebSocketAdapter(new SocketAdapter(app, config, app.get(RedisConnections)));
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
