import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429 | 503;

export const UNAUTHORIZED_DOC = 'UNAUTHORIZED: missing, invalid, expired or revoked access token.';
export const RATE_LIMITED_DOC =
  'RATE_LIMITED: over the per-minute or per-hour limit (per account when signed in, per client address ' +
  'otherwise); Retry-After says when to try again.';

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
};

/**
 * Error statuses of a route (or of every route of a controller), each described by its codes. The content is
 * set explicitly so that errors stay JSON on routes that produce other types (Server-Sent Events, CSV).
 */
export function ApiErrors(
  descriptions: Partial<Record<ErrorStatus, string>>,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...Object.entries(descriptions).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
        ...(status === '429' ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}

/** 401 and 429 of a signed-in route; `limit` names the route's own rate limit, if any. */
export const ApiSignedInErrors = (limit?: string): MethodDecorator & ClassDecorator =>
  ApiErrors({ 401: UNAUTHORIZED_DOC, 429: limit ? `${RATE_LIMITED_DOC} ${limit}` : RATE_LIMITED_DOC });

/** A body of one media type: a documented class, or a schema for text (SSE, CSV, Markdown). */
export type ContentBody = Type<unknown> | SchemaObject;

/** A success answer that comes in several media types, each with its own schema. */
export function ApiContentResponse(
  status: number,
  description: string,
  bodies: Record<string, ContentBody>,
): MethodDecorator {
  const models = Object.values(bodies).filter((b): b is Type<unknown> => typeof b === 'function');
  const content = Object.fromEntries(
    Object.entries(bodies).map(([type, body]) => {
      if (typeof body === 'function') return [type, { schema: { $ref: getSchemaPath(body) } }];
      const { example, ...schema } = body;
      return [type, example === undefined ? { schema } : { schema, example }];
    }),
  );
  return applyDecorators(ApiExtraModels(...models), ApiResponse({ status, description, content }));
}
