export interface ErrorDetail {
  field: string;
  messages: string[];
}

/** What kind of failure an error is; each transport maps a kind to its status in one place. */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** The one error family services throw. `code` is the machine-readable code clients see. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message = 'The request is not valid.', details?: ErrorDetail[]) {
    super('validation', 'VALIDATION_FAILED', message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(code = 'UNAUTHORIZED', message = 'Authentication is required.') {
    super('unauthorized', code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this.') {
    super('forbidden', 'FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'Resource') {
    super('not_found', 'NOT_FOUND', `${what} not found.`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests. Try again later.',
  ) {
    super('rate_limited', 'RATE_LIMITED', message);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(
    code = 'SERVICE_UNAVAILABLE',
    message = 'The service is temporarily unavailable.',
    details?: ErrorDetail[],
  ) {
    super('unavailable', code, message, details);
  }
}
