import {
  ArgumentMetadata,
  ValidationError as ClassValidatorError,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { assertPlainInput, ErrorDetail, ValidationFailedError } from '../../shared';

/** class-validator's nested errors as the error body's `details`, one entry per field path. */
export function validationDetails(errors: ClassValidatorError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...validationDetails(e.children ?? [], field)];
  });
}

/** The field rules every input meets, over HTTP and over sockets. */
export const INPUT_RULES = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
} as const;

const options = (forbidUnknown: boolean): ValidationPipeOptions => ({
  ...INPUT_RULES,
  forbidNonWhitelisted: forbidUnknown,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) =>
    new ValidationFailedError('The request is not valid.', validationDetails(errors)),
});

/**
 * Whitelists input and reports each field; values are never echoed. A body with an unknown property is
 * refused; an unknown query parameter (a cache buster such as `?_=1700000000`) is dropped. Before any field
 * rule, input nested too deep or holding NUL characters is refused.
 */
export class ApiValidationPipe extends ValidationPipe {
  private readonly lenient = new ValidationPipe(options(false));

  constructor() {
    super(options(true));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertPlainInput(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    return metadata.type === 'query'
      ? this.lenient.transform(value, metadata)
      : super.transform(value, metadata);
  }
}

/**
 * Like `@IsOptional()`, but for a missing field only: an explicit `null` goes through the field's other
 * rules and is refused, instead of slipping past them to a NOT NULL column or being silently ignored.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
