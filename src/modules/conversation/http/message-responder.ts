import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { openSse, wantsEventStream } from '../../../platform/http/sse';
import { DomainError } from '../../../shared';
import { ExchangeView, toMessageView } from '../dto/responses';
import { ConversationEvents } from '../generation/conversation-events';
import type { Principal } from '../../auth';
import type { SendMessageDto } from '../dto/requests';
import { MessagingService, type SendOutcome } from '../messaging.service';

/** Sends a learner message over HTTP and answers as JSON, or as Server-Sent Events when the client asks for them. */
@Injectable()
export class MessageResponder {
  constructor(
    private readonly events: ConversationEvents,
    private readonly messaging: MessagingService,
  ) {}

  async send(principal: Principal, dto: SendMessageDto, accept: string | undefined, reply: FastifyReply) {
    const outcome = await this.messaging.send(principal, dto, ['chat', 'scenario']);
    if (wantsEventStream(accept)) return this.stream(outcome, reply);
    return this.json(outcome, reply);
  }

  async json(outcome: SendOutcome, reply: FastifyReply): Promise<ExchangeView> {
    const userMessage = toMessageView(outcome.userMessage);
    switch (outcome.kind) {
      case 'replayed':
        void reply.status(200);
        return { userMessage, reply: toMessageView(outcome.reply) };
      case 'moderated':
        if (outcome.replay) void reply.status(200);
        return { userMessage, reply: null, moderation: outcome.moderation };
      case 'accepted': {
        const stored = await outcome.start();
        if (outcome.retry) void reply.status(200);
        return { userMessage, reply: toMessageView(stored) };
      }
    }
  }

  stream(outcome: SendOutcome, reply: FastifyReply): void {
    const sse = openSse(reply);
    sse.send('user', toMessageView(outcome.userMessage));
    if (outcome.kind === 'replayed') {
      sse.send('done', { reply: toMessageView(outcome.reply) });
      return sse.close();
    }
    if (outcome.kind === 'moderated') {
      sse.send('moderation', outcome.moderation);
      sse.send('done', { reply: null, moderation: outcome.moderation });
      return sse.close();
    }
    const replyTo = outcome.userMessage.id;
    const unsubscribe = this.events.on('reply.delta', (e) => {
      if (e.replyTo === replyTo) sse.send('delta', { text: e.text });
    });
    sse.onClose(unsubscribe);
    // The reply is generated and stored whether or not this client is still listening.
    outcome
      .start()
      .then((stored) => sse.send('done', { reply: toMessageView(stored) }))
      .catch((e: unknown) => {
        const error =
          e instanceof DomainError
            ? e
            : new DomainError('unavailable', 'LLM_UNAVAILABLE', 'The AI partner is unavailable.');
        sse.send('error', { code: error.code, message: error.message });
      })
      .finally(() => sse.close());
  }
}
