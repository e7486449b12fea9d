import { SKILL_AXES, SKILL_LABELS, SKILL_SCORES_SCHEMA, type SkillScores } from '../../conversation';
import { emptyEvidence, shorten, type Evidence, type ScoredConversation } from './strength-scoring';

/** What a real model answers: scores on the six axes and, per axis, quotes of the learner's own words. */
export interface ModelAnalysis {
  scores: SkillScores;
  evidence: Evidence;
}

const QUOTE = {
  type: 'object',
  required: ['conversationId', 'quote'],
  additionalProperties: false,
  properties: {
    conversationId: { type: 'string', minLength: 1 },
    quote: { type: 'string', minLength: 1, maxLength: 400 },
  },
};

export const MODEL_ANALYSIS_SCHEMA = {
  type: 'object',
  required: ['scores', 'evidence'],
  additionalProperties: false,
  properties: {
    scores: SKILL_SCORES_SCHEMA,
    evidence: {
      type: 'object',
      required: [...SKILL_AXES],
      additionalProperties: false,
      properties: Object.fromEntries(
        SKILL_AXES.map((a) => [a, { type: 'array', maxItems: 3, items: QUOTE }]),
      ),
    },
  },
} as const;

/** Keeps the model from growing the prompt past what a learner's window needs. */
const PROMPT_CHAR_BUDGET = 16_000;

export function analysisInstructions(locale: 'ja' | 'en'): string {
  const axes = SKILL_AXES.map((a) => `${a} (${SKILL_LABELS.en[a]})`).join(', ');
  return (
    'You are a workplace communication coach reviewing a learner across several practice conversations. ' +
    `Score each skill (${axes}) as an integer 0-100 from evidence in the learner's own messages only. ` +
    'Newer conversations (listed first) matter more. For each skill give up to 3 evidence items: ' +
    'the conversationId and an exact quote copied from one learner message (no paraphrase). ' +
    `Quotes stay in the learner's language (${locale}). Answer with JSON only: ` +
    '{"scores":{...},"evidence":{"empathy":[{"conversationId":"...","quote":"..."}],...}}'
  );
}

/** The learner's messages per conversation, newest conversation first, within the prompt budget. */
export function learnerWordsText(conversations: ScoredConversation[]): string {
  const parts: string[] = [];
  let used = 0;
  for (const c of conversations) {
    const lines = c.turns
      .filter((t) => t.role === 'user')
      .map((t) => `- ${t.content.replace(/\s+/g, ' ').trim()}`);
    const block = `## conversationId: ${c.conversationId}\n${lines.join('\n')}`;
    if (used + block.length > PROMPT_CHAR_BUDGET && parts.length) break;
    parts.push(block);
    used += block.length;
  }
  return parts.join('\n\n');
}

/** Drops any quote that is not in that conversation's learner messages: evidence must be the learner's words. */
export function verifiedEvidence(answer: Evidence, conversations: ScoredConversation[]): Evidence {
  const words = new Map(
    conversations.map((c) => [
      c.conversationId,
      c.turns.filter((t) => t.role === 'user').map((t) => normalize(t.content)),
    ]),
  );
  const evidence = emptyEvidence();
  for (const axis of SKILL_AXES) {
    for (const item of answer[axis] ?? []) {
      const said = words.get(item.conversationId);
      const quote = normalize(item.quote);
      if (!quote || !said?.some((m) => m.includes(quote))) continue;
      if (!evidence[axis].some((q) => q.quote === shorten(quote))) {
        evidence[axis].push({ conversationId: item.conversationId, quote: shorten(quote) });
      }
    }
  }
  return evidence;
}

function normalize(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^["'「『]+|["'」』]+$/g, '')
    .trim();
}
