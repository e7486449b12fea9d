import {
  heuristicFeedback,
  SKILL_AXES,
  type SkillAxis,
  type SkillScores,
  type TranscriptTurn,
} from '../../conversation';

/** Each older conversation weighs this much of the next newer one. */
export const RECENCY_DECAY = 0.85;
/** Share of the stored feedback in a conversation's score when there is feedback; the rest is the fresh look. */
export const FEEDBACK_SHARE = 0.5;
/** A message shows a skill when it scores at least this much above a signal-free message. */
const EVIDENCE_MIN_LIFT = 15;
const QUOTES_PER_AXIS = 2;
const QUOTE_MAX = 160;

export interface EvidenceQuote {
  conversationId: string;
  quote: string;
}
export type Evidence = Record<SkillAxis, EvidenceQuote[]>;

/** What the scoring reads of one conversation. */
export interface ScoredConversation {
  conversationId: string;
  locale: 'ja' | 'en';
  turns: TranscriptTurn[];
  feedbackScores: SkillScores | null;
}

const clamp = (n: number): number => Math.max(0, Math.min(100, Math.round(n)));

export function recencyWeights(count: number): number[] {
  return Array.from({ length: count }, (_, i) => RECENCY_DECAY ** i);
}

/** Weighted mean per axis, rounded; `list` and `weights` run in the same order. */
export function weightedScores(list: SkillScores[], weights: number[]): SkillScores {
  const total = weights.reduce((s, w) => s + w, 0);
  const out = {} as SkillScores;
  for (const axis of SKILL_AXES)
    out[axis] = clamp(list.reduce((s, scores, i) => s + scores[axis] * weights[i], 0) / total);
  return out;
}

export function blendWithFeedback(fresh: SkillScores, feedback: SkillScores | null): SkillScores {
  if (!feedback) return fresh;
  const out = {} as SkillScores;
  for (const axis of SKILL_AXES)
    out[axis] = clamp(feedback[axis] * FEEDBACK_SHARE + fresh[axis] * (1 - FEEDBACK_SHARE));
  return out;
}

/** Recency-weighted stored feedback over the conversations that have some (newest first), or null. */
export function feedbackAggregate(conversations: ScoredConversation[]): SkillScores | null {
  const weights = recencyWeights(conversations.length);
  const rated = conversations.flatMap((c, i) =>
    c.feedbackScores ? [{ scores: c.feedbackScores, weight: weights[i] }] : [],
  );
  if (!rated.length) return null;
  return weightedScores(
    rated.map((r) => r.scores),
    rated.map((r) => r.weight),
  );
}

/**
 * The deterministic analysis: each conversation (newest first) scored afresh on the learner's words, blended
 * with its stored feedback, then averaged with newer conversations weighing more.
 */
export function heuristicScores(conversations: ScoredConversation[]): SkillScores {
  const perConversation = conversations.map((c) =>
    blendWithFeedback(heuristicFeedback(c.turns, c.locale).scores, c.feedbackScores),
  );
  return weightedScores(perConversation, recencyWeights(conversations.length));
}

/** A message with no signal at all, the yardstick single messages are measured against. */
const NEUTRAL_MESSAGE = { ja: 'あいうえおかきくけこ', en: 'xx yy zz ww' } as const;

/** One learner message scored on its own, after the partner line it answers. */
function messageScores(
  message: string,
  partner: TranscriptTurn | undefined,
  locale: 'ja' | 'en',
): SkillScores {
  // Three copies lift the heuristic's damping of short transcripts, so single messages compare at full scale.
  const exchange: TranscriptTurn[] = [...(partner ? [partner] : []), { role: 'user', content: message }];
  return heuristicFeedback([...exchange, ...exchange, ...exchange], locale).scores;
}

/**
 * For each axis, the learner's messages that show it best: those that score well above a signal-free message
 * answering the same partner line. Stronger evidence first, newer conversations first on ties.
 */
export function heuristicEvidence(conversations: ScoredConversation[]): Evidence {
  const candidates: Array<{ axis: SkillAxis; lift: number; order: number; quote: EvidenceQuote }> = [];
  let order = 0;
  for (const c of conversations) {
    let partner: TranscriptTurn | undefined;
    for (const turn of c.turns) {
      if (turn.role === 'assistant') {
        partner = turn;
        continue;
      }
      const scores = messageScores(turn.content, partner, c.locale);
      const neutral = messageScores(NEUTRAL_MESSAGE[c.locale], partner, c.locale);
      const quote = { conversationId: c.conversationId, quote: shorten(turn.content) };
      for (const axis of SKILL_AXES) {
        const lift = scores[axis] - neutral[axis];
        if (lift >= EVIDENCE_MIN_LIFT) candidates.push({ axis, lift, order, quote });
      }
      order++;
      partner = undefined;
    }
  }
  candidates.sort((a, b) => b.lift - a.lift || a.order - b.order);
  const evidence = emptyEvidence();
  for (const c of candidates) {
    const list = evidence[c.axis];
    if (list.length < QUOTES_PER_AXIS && !list.some((q) => q.quote === c.quote.quote)) list.push(c.quote);
  }
  return evidence;
}

export function emptyEvidence(): Evidence {
  return Object.fromEntries(SKILL_AXES.map((a) => [a, []])) as unknown as Evidence;
}

export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1)}…` : flat;
}
