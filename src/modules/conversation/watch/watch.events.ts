import type { WatchMessageView, WatchQuizView } from './dto/watch-responses';
import type { WatchEndReason } from './watch-session';

/** Every event of the /watch namespace and its payload: the one place they are named. */
export const WatchClientEvents = {
  join: 'watch.join',
  leave: 'watch.leave',
  send: 'watch.message.send',
} as const;

export const WatchServerEvents = {
  aiMessage: 'watch.ai.message',
  quiz: 'watch.quiz',
  userMessage: 'watch.user.message',
  userJoin: 'watch.user.join',
  userLeave: 'watch.user.leave',
  ended: 'watch.ended',
  shutdown: 'server.shutdown',
} as const;

export interface WatchServerPayloads {
  'watch.ai.message': WatchMessageView;
  'watch.quiz': WatchQuizView;
  'watch.user.message': WatchMessageView;
  'watch.user.join': { sessionId: string; userId: string };
  'watch.user.leave': { sessionId: string; userId: string };
  'watch.ended': { sessionId: string; reason: WatchEndReason };
  'server.shutdown': { reconnect: boolean };
}

export const watchRoom = (sessionId: string): string => `watch:${sessionId}`;
