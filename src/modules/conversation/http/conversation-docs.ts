import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { ApiContentResponse, ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { ExchangeView } from '../dto/responses';

export const NOT_YOURS = "NOT_FOUND: no such conversation, or another user's.";
export const NOTHING_TO_ASSESS = 'NOTHING_TO_ASSESS: no learner message to assess yet.';

export const MESSAGE_LIMIT =
  'Messages also spend from the message limit (RATE_LIMIT_MESSAGE_PER_MINUTE, 30 by default; HTTP and socket sends together).';
export const BAD_MESSAGE =
  'VALIDATION_FAILED: `content` empty, over 4000 characters or holding HTML tags, or an id that is not a UUID.';

export const SEND_DOC =
  'Stores the learner message and answers with the AI reply: 201 `{ userMessage, reply }` as JSON, or, with ' +
  '`Accept: text/event-stream`, 200 Server-Sent Events `user`, `delta` `{ text }`..., `done` `{ reply }` (or `error` `{ code, message }`). ' +
  'A repeated `clientMessageId` answers the first exchange again (200) or 409 GENERATION_IN_PROGRESS. ' +
  'A message stopped by moderation is stored and answered with `reply: null` and `moderation: { reason, note }` (SSE: `moderation`, then `done`). ' +
  '409 CONVERSATION_ENDED, 409 TOO_MANY_GENERATIONS (2 replies at once per user), 503 LLM_UNAVAILABLE (the learner message stays stored).';

const SSE_EVENTS =
  'With `Accept: text/event-stream`: `event: user` (the stored learner Message), then `event: delta` `{ text }` ' +
  'chunks as the AI writes, then `event: done` `{ reply: Message }`. A message stopped by moderation gets ' +
  '`event: moderation` `{ reason, note }`, then `done` `{ reply: null, moderation }`. If the AI fails after the stream ' +
  'opened: `event: error` `{ code, message }` (usually LLM_UNAVAILABLE) and the stream closes. Comment lines ' +
  '(`: keep-alive`) come every 15 s. Errors found before the stream opens answer with their status and JSON body.';

const SSE_EXAMPLE = [
  'event: user\ndata: {"id":"…","conversationId":"…","role":"user","speaker":null,"content":"Hello","clientMessageId":null,"createdAt":"…"}',
  'event: delta\ndata: {"text":"Hi, "}',
  'event: delta\ndata: {"text":"good to see you."}',
  'event: done\ndata: {"reply":{"id":"…","conversationId":"…","role":"assistant","speaker":"Sato","content":"Hi, good to see you.","clientMessageId":null,"createdAt":"…"}}',
]
  .map((event) => `${event}\n\n`)
  .join('');

/** The answers of POST /chat/message and POST /scenarios/message, which share one implementation. */
export const ApiSendMessage = (): MethodDecorator =>
  applyDecorators(
    ApiCreatedResponse({
      type: ExchangeView,
      description: 'JSON: the stored learner Message and the AI reply (or `reply: null` and `moderation`).',
    }),
    ApiContentResponse(
      200,
      'A repeat of a `clientMessageId` already answered: the first exchange again as JSON, with no second learner ' +
        'Message stored (when that reply had failed, the missing reply is generated now). Or, with ' +
        '`Accept: text/event-stream`, the exchange as Server-Sent Events.',
      {
        'application/json': ExchangeView,
        'text/event-stream': { type: 'string', description: SSE_EVENTS, example: SSE_EXAMPLE },
      },
    ),
    ApiSignedInErrors(MESSAGE_LIMIT),
    ApiErrors({
      400: BAD_MESSAGE,
      404: "NOT_FOUND: no such conversation, another user's, or a watch session (those take /watch/message/{id}).",
      409:
        'CONVERSATION_ENDED: the conversation has ended. GENERATION_IN_PROGRESS: the reply to this `clientMessageId` ' +
        'is still being generated. TOO_MANY_GENERATIONS: as many of your replies as allowed at once ' +
        '(MAX_CONCURRENT_GENERATIONS_PER_USER, 2 by default) are already being generated.',
      503:
        'LLM_UNAVAILABLE: every AI provider failed (JSON answers; a stream sends `event: error`). The learner ' +
        'message stays stored and no reply is; send it again with the same `clientMessageId` to retry.',
    }),
  );
