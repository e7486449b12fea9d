import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type { MessageView } from '../dto/responses';

/** What happens in a conversation, published on this instance; HTTP streams and socket rooms subscribe. */
export interface ConversationEventMap {
  'message.created': { conversationId: string; userId: string; message: MessageView };
  'reply.started': { conversationId: string; userId: string; replyTo: string; speaker: string | null };
  'reply.delta': { conversationId: string; userId: string; replyTo: string; text: string; offset: number };
  'reply.completed': { conversationId: string; userId: string; replyTo: string; message: MessageView };
  'reply.failed': { conversationId: string; userId: string; replyTo: string; code: string; message: string };
}
export type ConversationEventName = keyof ConversationEventMap;

@Injectable()
export class ConversationEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  emit<K extends ConversationEventName>(name: K, payload: ConversationEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends ConversationEventName>(
    name: K,
    listener: (payload: ConversationEventMap[K]) => void,
  ): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
