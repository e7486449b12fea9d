import { heuristicFeedback, SKILL_AXES, type SkillScores } from '../../conversation';
import {
  blendWithFeedback,
  feedbackAggregate,
  heuristicEvidence,
  heuristicScores,
  recencyWeights,
  weightedScores,
  type ScoredConversation,
} from './strength-scoring';

const flat = (n: number): SkillScores =>
  Object.fromEntries(SKILL_AXES.map((a) => [a, n])) as unknown as SkillScores;

const skilled: ScoredConversation = {
  conversationId: 'c-new',
  locale: 'en',
  feedbackScores: null,
  turns: [
    { role: 'assistant', content: 'Could you send me the quarterly numbers?' },
    { role: 'user', content: 'Thank you for asking. I will send the quarterly numbers by Friday 5 pm.' },
    { role: 'assistant', content: 'I am worried the client will not like it.' },
    {
      role: 'user',
      content: 'That sounds stressful, I can imagine. How about we review it together tomorrow first?',
    },
    { role: 'assistant', content: 'Good idea.' },
    { role: 'user', content: 'Great, I would be happy to. Could you share the draft, please?' },
  ],
};
const curt: ScoredConversation = {
  conversationId: 'c-old',
  locale: 'en',
  feedbackScores: null,
  turns: [
    { role: 'assistant', content: 'Could you help with the report?' },
    { role: 'user', content: 'no' },
    { role: 'assistant', content: 'Why not?' },
    { role: 'user', content: 'whatever' },
    { role: 'user', content: 'not my problem' },
  ],
};

describe('strength scoring', () => {
  it('weighs newer conversations more, in a fixed ratio', () => {
    expect(recencyWeights(3)).toEqual([1, 0.85, 0.85 ** 2]);
    expect(weightedScores([flat(100), flat(0)], [1, 1])).toEqual(flat(50));
    expect(weightedScores([flat(100), flat(0)], recencyWeights(2)).empathy).toBe(54);
  });

  it('gives the same scores for the same input, and more weight to the newest conversation', () => {
    const a = heuristicScores([skilled, curt]);
    expect(heuristicScores([skilled, curt])).toEqual(a);
    const reversed = heuristicScores([curt, skilled]);
    for (const axis of SKILL_AXES) expect(a[axis]).toBeGreaterThanOrEqual(reversed[axis]);
    expect(SKILL_AXES.some((axis) => a[axis] > reversed[axis])).toBe(true);
  });

  it('matches the conversation heuristic for one conversation without feedback', () => {
    expect(heuristicScores([skilled])).toEqual(heuristicFeedback(skilled.turns, 'en').scores);
  });

  it('blends stored feedback half and half with the fresh look', () => {
    expect(blendWithFeedback(flat(40), flat(80))).toEqual(flat(60));
    expect(blendWithFeedback(flat(40), null)).toEqual(flat(40));
    const withFeedback = heuristicScores([{ ...skilled, feedbackScores: flat(100) }]);
    const fresh = heuristicFeedback(skilled.turns, 'en').scores;
    for (const axis of SKILL_AXES) expect(withFeedback[axis]).toBe(Math.round((fresh[axis] + 100) / 2));
  });

  it('aggregates only the conversations that have feedback', () => {
    expect(feedbackAggregate([skilled, curt])).toBeNull();
    expect(feedbackAggregate([skilled, { ...curt, feedbackScores: flat(30) }])).toEqual(flat(30));
  });

  it("quotes the learner's own messages as evidence, never the partner's", () => {
    const evidence = heuristicEvidence([skilled, curt]);
    const learnerWords = [skilled, curt].flatMap((c) =>
      c.turns.filter((t) => t.role === 'user').map((t) => t.content),
    );
    const quotes = SKILL_AXES.flatMap((a) => evidence[a]);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(learnerWords).toContain(q.quote);
    expect(evidence.clarity.map((q) => q.quote)).toContain(skilled.turns[1].content);
    expect(evidence.empathy[0]).toEqual({ conversationId: 'c-new', quote: skilled.turns[3].content });
    for (const axis of SKILL_AXES) expect(evidence[axis].length).toBeLessThanOrEqual(2);
    expect(heuristicEvidence([skilled, curt])).toEqual(evidence);
  });
});
