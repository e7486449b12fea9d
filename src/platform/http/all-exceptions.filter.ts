import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toFailedAck } from '../realtime/socket-handler';
import { toErrorBody } from './error-body';

/** Every HTTP failure leaves as the single error body; unexpected ones are logged, never shown. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'ws') return this.acknowledgeFailure(error, host);
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, headers, unexpected } = toErrorBody(error, request.id);
    if (unexpected) {
      this.logger.error(
        { err: safeError(error), requestId: request.id, route: request.routeOptions?.url },
        'Unhandled error',
      );
    }
    if (reply.sent || reply.raw.headersSent) return;
    void reply.headers(headers).status(body.statusCode).send(body);
  }

  /** Socket events (guards included) fail through their acknowledgement, as `{ ok: false, code, message }`. */
  private acknowledgeFailure(error: unknown, host: ArgumentsHost): void {
    const ack = host.getArgs().find((a): a is (r: unknown) => void => typeof a === 'function');
    const failed = toFailedAck(error);
    if (failed.code === 'INTERNAL_ERROR')
      this.logger.error({ err: safeError(error) }, 'Unhandled socket error');
    if (ack) ack(failed);
  }
}

/** What of an unexpected error may be logged: never query parameters, which can hold credentials. */
function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const driverCode = (error as { driverError?: { code?: string } }).driverError?.code;
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(driverCode ? { code: driverCode } : {}),
  };
}
