import { HttpStatus } from '@nestjs/common';
import { DomainError, ErrorDetail, ErrorKind, RateLimitedError } from '../../shared';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
}

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export const INTERNAL_MESSAGE = 'An unexpected error occurred.';

/** Turns anything thrown into the one error body of the API, plus any header it needs. */
export function toErrorBody(
  error: unknown,
  requestId?: string,
): { body: ErrorBody; headers: Record<string, string>; unexpected: boolean } {
  const headers: Record<string, string> = {};
  if (error instanceof DomainError) {
    if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
    const body: ErrorBody = {
      statusCode: STATUS_BY_KIND[error.kind],
      code: error.code,
      message: error.message,
    };
    if (error.details?.length) body.details = error.details;
    return { body: { ...body, requestId }, headers, unexpected: error.kind === 'internal' };
  }
  if (isUnstorableText(error)) {
    return {
      body: {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request holds characters that cannot be stored.',
        requestId,
      },
      headers,
      unexpected: false,
    };
  }
  const status = statusOf(error);
  if (status && status >= 400 && status < 500) {
    return {
      body: {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST',
        message: clientMessage(error, status),
        requestId,
      },
      headers,
      unexpected: false,
    };
  }
  if (status === 503) {
    return {
      body: {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is temporarily unavailable.',
        requestId,
      },
      headers,
      unexpected: false,
    };
  }
  return {
    body: { statusCode: 500, code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE, requestId },
    headers,
    unexpected: true,
  };
}

/**
 * PostgreSQL's refusal of text it cannot store (a NUL character, an invalid byte sequence): bad input that
 * slipped past validation, never a server fault.
 */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

function statusOf(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { getStatus?: () => number; statusCode?: unknown; status?: unknown };
  if (typeof e.getStatus === 'function') return e.getStatus();
  if (typeof e.statusCode === 'number') return e.statusCode;
  return undefined;
}

/** Messages of 4xx framework errors are safe and useful (route not found, body too large); keep them short. */
function clientMessage(error: unknown, status: number): string {
  const e = error as { getResponse?: () => unknown; message?: unknown };
  const response = typeof e.getResponse === 'function' ? e.getResponse() : undefined;
  const fromResponse =
    response && typeof response === 'object' && 'message' in response ? response.message : undefined;
  const message =
    typeof fromResponse === 'string' ? fromResponse : typeof e.message === 'string' ? e.message : '';
  if (status === 400 && /JSON/i.test(message)) return 'The request body is not valid JSON.';
  return message.slice(0, 300) || 'The request could not be processed.';
}
