import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from './error-body';

/** Every HTTP failure leaves as the single error body; unexpected ones are logged, never shown. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, headers, unexpected } = toErrorBody(error, request.id);
    if (unexpected) {
      this.logger.error({ err: error, requestId: request.id, route: request.routeOptions?.url }, 'Unhandled error');
    }
    if (reply.sent || reply.raw.headersSent) return;
    void reply.headers(headers).status(body.statusCode).send(body);
  }
}
