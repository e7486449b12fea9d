import type { ConversationEntity } from '../entities/conversation.entity';

/** One of the two AI colleagues of a watch session. */
export interface WatchPersona {
  name: string;
  role: string;
  personality: string;
  speakingStyle: string;
}

/**
 * Why a watch session stopped. `max_turns`: the turn cap; `natural_end`: both colleagues said goodbye;
 * `token_cap`: the session's token budget ran out; `stopped`: the learner (or POST /chat/end) stopped it;
 * `idle`: no one watched for the idle timeout; `llm_unavailable`: the AI failed repeatedly; `deleted`.
 */
export const WATCH_END_REASONS = [
  'max_turns',
  'natural_end',
  'token_cap',
  'stopped',
  'idle',
  'llm_unavailable',
  'deleted',
] as const;
export type WatchEndReason = (typeof WATCH_END_REASONS)[number];

/** What a watch session keeps in `conversations.settings`. */
export interface WatchSettings {
  theme: string;
  personas: [WatchPersona, WatchPersona];
  maxTurns: number;
  /** Whether the learner takes part as the third voice. */
  joined: boolean;
  /** How the colleagues address the learner, fixed when they join. */
  learnerName: string | null;
  state: { tokensUsed: number; endReason?: WatchEndReason };
}

export function watchSettingsOf(session: ConversationEntity): WatchSettings {
  return session.settings as unknown as WatchSettings;
}
