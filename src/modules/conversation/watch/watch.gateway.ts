import { OnApplicationShutdown, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { RateLimitService } from '../../../platform/rate-limit';
import { acknowledge, parsePayload } from '../../../platform/realtime/socket-handler';
import { CurrentUser, GuardSocketEvents, RequirePermissions, type Principal } from '../../auth';
import { AllExceptionsFilter } from '../../../platform/http/all-exceptions.filter';
import { WatchSessionIdDto, WatchSocketMessageDto } from './dto/watch-requests';
import { WatchEventBus, type WatchEvent } from './watch-event-bus';
import { WatchPresence } from './watch-presence';
import {
  WatchClientEvents as C,
  WatchServerEvents as S,
  watchRoom,
  type WatchServerPayloads,
} from './watch.events';
import { WatchService } from './watch.service';
import { SocketSecurity } from '../realtime/socket-security';

/** The sessions a socket watches, kept on the socket for its disconnect. */
function watchedBy(socket: Socket): Set<string> {
  socket.data.watching ??= new Set<string>();
  return socket.data.watching as Set<string>;
}

/**
 * The /watch namespace. Events of a session go to its room from the instance where they happen; the Redis
 * adapter carries them to sockets on other instances, so each socket gets each event once.
 */
@WebSocketGateway({ namespace: '/watch' })
@GuardSocketEvents()
@UseFilters(AllExceptionsFilter)
export class WatchGateway implements OnGatewayInit, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly unsubscribe: () => void;
  @WebSocketServer() private namespace!: Namespace;

  constructor(
    private readonly security: SocketSecurity,
    private readonly watch: WatchService,
    private readonly presence: WatchPresence,
    private readonly rateLimits: RateLimitService,
    bus: WatchEventBus,
  ) {
    this.unsubscribe = bus.listen((event, origin) => {
      if (origin === 'local') this.forward(event);
    });
  }

  afterInit(namespace: Namespace): void {
    this.security.secure(namespace, 'watch_socket', Object.values(C));
  }

  handleDisconnect(socket: Socket): void {
    for (const sessionId of watchedBy(socket)) void this.presence.remove(sessionId, `socket:${socket.id}`);
  }

  onApplicationShutdown(): void {
    this.unsubscribe();
    this.security.release(this.namespace);
  }

  @SubscribeMessage(C.join)
  @RequirePermissions('conversation:read:own')
  join(@CurrentUser() principal: Principal, @ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(C.join, this.security.metrics, async () => {
      const { sessionId } = await parsePayload(WatchSessionIdDto, body);
      const session = await this.watch.watch(principal, sessionId);
      // Join first, then read: a turn taken meanwhile is in the room and maybe in the ack too (same id and turn).
      await socket.join(watchRoom(sessionId));
      if (!session.endedAt) {
        watchedBy(socket).add(sessionId);
        await this.presence.add(sessionId, `socket:${socket.id}`);
        // A socket gone while it was being counted must not be counted for ever.
        if (socket.disconnected) await this.presence.remove(sessionId, `socket:${socket.id}`);
      }
      return { sessionId, ...(await this.watch.snapshot(sessionId)) };
    });
  }

  @SubscribeMessage(C.leave)
  @RequirePermissions('conversation:read:own')
  leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(C.leave, this.security.metrics, async () => {
      const { sessionId } = await parsePayload(WatchSessionIdDto, body);
      await socket.leave(watchRoom(sessionId));
      if (watchedBy(socket).delete(sessionId)) await this.presence.remove(sessionId, `socket:${socket.id}`);
      return { sessionId };
    });
  }

  @SubscribeMessage(C.send)
  @RequirePermissions('conversation:write:own')
  send(@CurrentUser() principal: Principal, @MessageBody() body: unknown) {
    return acknowledge(C.send, this.security.metrics, async () => {
      await this.rateLimits.consume('message', principal.userId);
      const { sessionId, ...dto } = await parsePayload(WatchSocketMessageDto, body);
      const { message, replayed } = await this.watch.say(principal, sessionId, dto);
      return {
        messageId: message.id,
        replayed,
        ...(message.moderation ? { moderation: message.moderation } : {}),
      };
    });
  }

  private forward(event: WatchEvent): void {
    switch (event.type) {
      case 'ai.message':
        return this.toRoom(event.sessionId, S.aiMessage, event.message);
      case 'user.message':
        return this.toRoom(event.sessionId, S.userMessage, event.message);
      case 'quiz':
        return this.toRoom(event.sessionId, S.quiz, event.quiz);
      case 'user.join':
        return this.toRoom(event.sessionId, S.userJoin, { sessionId: event.sessionId, userId: event.userId });
      case 'user.leave':
        return this.toRoom(event.sessionId, S.userLeave, {
          sessionId: event.sessionId,
          userId: event.userId,
        });
      case 'ended':
        return this.toRoom(event.sessionId, S.ended, { sessionId: event.sessionId, reason: event.reason });
    }
  }

  private toRoom<E extends keyof WatchServerPayloads>(
    sessionId: string,
    event: E,
    payload: WatchServerPayloads[E],
  ): void {
    this.namespace?.to(watchRoom(sessionId)).emit(event, payload);
  }
}
