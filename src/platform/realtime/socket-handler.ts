import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { assertPlainInput, DomainError, ErrorDetail, ValidationFailedError } from '../../shared';
import { INPUT_RULES, validationDetails } from '../http/validation';
import type { SocketMetrics } from './socket-metrics';

export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: string; message: string; details?: ErrorDetail[] };

/** Validates a socket payload with the same DTO classes and rules as HTTP. */
export async function parsePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (!payload || typeof payload !== 'object')
    throw new ValidationFailedError('The event payload must be an object.');
  assertPlainInput(payload);
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, INPUT_RULES);
  if (errors.length) {
    throw new ValidationFailedError('The event payload is not valid.', validationDetails(errors));
  }
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
