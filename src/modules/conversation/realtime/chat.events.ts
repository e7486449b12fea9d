import type { MessageView } from '../dto/responses';

/** Every event of the /chat namespace and its payload: the one place they are named. */
export const ChatClientEvents = {
  join: 'chat.join',
  leave: 'chat.leave',
  send: 'chat.message.send',
  typingStart: 'chat.typing.start',
  typingStop: 'chat.typing.stop',
  resume: 'chat.resume',
} as const;

export const ChatServerEvents = {
  messageNew: 'chat.message.new',
  messageDelta: 'chat.message.delta',
  typingStart: 'chat.typing.start',
  typingStop: 'chat.typing.stop',
  error: 'chat.error',
  shutdown: 'server.shutdown',
} as const;

export interface ChatServerPayloads {
  'chat.message.new': MessageView;
  /** `offset`: where `text` starts in the reply, so a client that resumed can drop text it already has. */
  'chat.message.delta': { conversationId: string; replyTo: string; text: string; offset: number };
  'chat.typing.start': { conversationId: string; speaker: string | null };
  'chat.typing.stop': { conversationId: string; speaker: string | null };
  'chat.error': { conversationId: string; code: string; message: string };
  'server.shutdown': { reconnect: boolean };
}

export const conversationRoom = (conversationId: string): string => `conversation:${conversationId}`;
