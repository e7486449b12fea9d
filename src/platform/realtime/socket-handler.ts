import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError as ClassValidatorError } from 'class-validator';
import { assertPlainInput, DomainError, ErrorDetail, ValidationFailedError } from '../../shared';
import type { SocketMetrics } from './socket-metrics';

export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: string; message: string; details?: ErrorDetail[] };

function details(errors: ClassValidatorError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...(e.constraints ? [{ field, messages: Object.values(e.constraints) }] : []),
      ...details(e.children ?? [], field),
    ];
  });
}

/** Validates a socket payload with the same DTO classes and rules as HTTP. */
export async function parsePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (!payload || typeof payload !== 'object')
    throw new ValidationFailedError('The event payload must be an object.');
  assertPlainInput(payload);
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length) throw new ValidationFailedError('The event payload is not valid.', details(errors));
  return instance;
}

/** The failed acknowledgement for anything thrown: the socket side of the error mapping. */
export function toFailedAck(e: unknown): Extract<Ack, { ok: false }> {
  if (e instanceof DomainError) {
    return { ok: false, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  }
  return { ok: false, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' };
}

const logger = new Logger('SocketEvents');

/**
 * Runs a socket event handler and turns its outcome into the acknowledgement, `{ ok: true, ... }` or
 * `{ ok: false, code, message }`, counting it by event and outcome.
 */
export async function acknowledge<T extends object>(
  event: string,
  metrics: SocketMetrics,
  work: () => Promise<T>,
): Promise<Ack<T>> {
  let ack: Ack<T>;
  try {
    ack = { ok: true, ...(await work()) };
  } catch (e) {
    ack = toFailedAck(e);
    if (ack.code === 'INTERNAL_ERROR')
      logger.error({ event, err: e instanceof Error ? e.message : String(e) }, 'socket event failed');
  }
  metrics.events.inc({ event, outcome: ack.ok ? 'ok' : ack.code });
  return ack;
}
