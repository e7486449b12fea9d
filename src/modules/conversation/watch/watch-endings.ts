import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConversationsService } from '../conversations.service';
import type { ConversationEntity } from '../entities/conversation.entity';
import { CONVERSATION_ENDED, type ConversationEnded, type EndReason } from '../events';
import { WatchEventBus } from './watch-event-bus';
import { WatchStore } from './watch-store';
import { watchSettingsOf, type WatchEndReason } from './watch-session';

const AS_END_REASON: Record<WatchEndReason, EndReason> = {
  stopped: 'explicit',
  idle: 'idle',
  deleted: 'deleted',
  max_turns: 'completed',
  natural_end: 'completed',
  token_cap: 'completed',
  llm_unavailable: 'completed',
};

function fromEndReason(reason: string | null): WatchEndReason {
  return reason === 'idle' ? 'idle' : reason === 'deleted' ? 'deleted' : 'stopped';
}

/** Why an ended session ended: its own record, or the conversation's (ended through POST /chat/end, say). */
export function endReasonOf(session: ConversationEntity): WatchEndReason {
  return watchSettingsOf(session).state?.endReason ?? fromEndReason(session.endReason);
}

/**
 * Ending watch sessions. Every ending goes through ConversationsService.markEnded (so ConversationEnded is
 * published once), and every watch ConversationEnded, whoever caused it, reaches the watchers as `ended`.
 */
@Injectable()
export class WatchEndings {
  /** Reasons of endings in progress on this instance, for the event that markEnded publishes. */
  private readonly pending = new Map<string, WatchEndReason>();

  constructor(
    private readonly store: WatchStore,
    private readonly conversations: ConversationsService,
    private readonly bus: WatchEventBus,
  ) {}

  /** Ends the session for `reason`; false when it had already ended. */
  async close(sessionId: string, reason: WatchEndReason): Promise<boolean> {
    if (!(await this.store.claimEnd(sessionId, reason))) return false;
    this.pending.set(sessionId, reason);
    try {
      await this.conversations.markEnded([sessionId], AS_END_REASON[reason]);
      return true;
    } catch (e) {
      await this.store.unclaimEnd(sessionId).catch(() => undefined);
      throw e;
    } finally {
      this.pending.delete(sessionId);
    }
  }

  @OnEvent(CONVERSATION_ENDED)
  announce(event: ConversationEnded): void {
    if (event.mode !== 'watch') return;
    const reason = this.pending.get(event.conversationId) ?? fromEndReason(event.reason);
    this.bus.publish({ type: 'ended', sessionId: event.conversationId, reason });
  }
}
