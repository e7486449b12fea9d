import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { openSse, type SseStream } from '../../../platform/http/sse';
import { DomainError } from '../../../shared';
import type { Principal } from '../../auth';
import { WatchEventBus, type WatchEvent } from './watch-event-bus';
import { WatchPresence } from './watch-presence';
import { WatchService } from './watch.service';

/**
 * GET /watch/stream/{id}: the session as Server-Sent Events. Events are taken (and held back) from the moment
 * the stream opens, then the turns so far are sent, then the held-back events that are not among them: a
 * watcher arriving mid-session misses nothing and receives nothing twice.
 */
@Injectable()
export class WatchStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger('WatchStreams');
  private readonly live = new Set<SseStream>();

  constructor(
    private readonly service: WatchService,
    private readonly bus: WatchEventBus,
    private readonly presence: WatchPresence,
  ) {}

  /** Ends this instance's streams so the server can close; clients reconnect, to another instance if need be. */
  beforeApplicationShutdown(): void {
    for (const sse of [...this.live]) {
      sse.send('shutdown', { reconnect: true });
      sse.close();
    }
  }

  /** Answers 404 (as JSON) before streaming when the session is not the caller's. */
  async stream(principal: Principal, sessionId: string, reply: FastifyReply): Promise<void> {
    await this.service.watch(principal, sessionId);
    const sse = openSse(reply);
    const watcher = `sse:${randomUUID()}`;
    const sent = new Set<string>();
    let held: WatchEvent[] | null = [];
    const unsubscribe = this.bus.subscribe(sessionId, (event) =>
      held ? held.push(event) : this.forward(sse, event, sent),
    );
    this.live.add(sse);
    sse.onClose(() => {
      this.live.delete(sse);
      unsubscribe();
      void this.presence.remove(sessionId, watcher);
    });
    try {
      await this.presence.add(sessionId, watcher);
      // A client gone while it was being counted must not be counted for ever.
      if (sse.closed) return void (await this.presence.remove(sessionId, watcher));
      const snapshot = await this.service.snapshot(sessionId);
      const quizzes = new Map(snapshot.quizzes.map((q) => [q.afterTurn, q]));
      for (const message of snapshot.messages) {
        this.forward(
          sse,
          message.role === 'assistant'
            ? { type: 'ai.message', sessionId, message }
            : { type: 'user.message', sessionId, message },
          sent,
        );
        const quiz = message.turn === null ? undefined : quizzes.get(message.turn);
        if (quiz) this.forward(sse, { type: 'quiz', sessionId, quiz }, sent);
      }
      const backlog = held;
      held = null;
      for (const event of backlog) this.forward(sse, event, sent);
      if (snapshot.endReason)
        this.forward(sse, { type: 'ended', sessionId, reason: snapshot.endReason }, sent);
    } catch (e) {
      const error =
        e instanceof DomainError
          ? e
          : new DomainError('internal', 'INTERNAL_ERROR', 'The stream failed; reconnect to resume.');
      if (!(e instanceof DomainError))
        this.logger.error(`watch stream of ${sessionId} failed: ${(e as Error).message}`);
      sse.send('error', { code: error.code, message: error.message });
      sse.close();
    }
  }

  /** One event to one stream, each message and quiz once; the stream ends with the session. */
  private forward(sse: SseStream, event: WatchEvent, sent: Set<string>): void {
    if (sse.closed) return;
    switch (event.type) {
      case 'ai.message':
      case 'user.message':
        if (sent.has(event.message.id)) return;
        sent.add(event.message.id);
        return sse.send(event.type === 'ai.message' ? 'message' : 'user', event.message);
      case 'quiz':
        if (sent.has(event.quiz.id)) return;
        sent.add(event.quiz.id);
        return sse.send('quiz', event.quiz);
      case 'ended':
        sse.send('end', { reason: event.reason });
        return sse.close();
      case 'user.join':
      case 'user.leave':
        return sse.send(event.type === 'user.join' ? 'join' : 'leave', {
          sessionId: event.sessionId,
          userId: event.userId,
        });
    }
  }
}
