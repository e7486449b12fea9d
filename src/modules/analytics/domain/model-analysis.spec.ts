import { emptyEvidence, type ScoredConversation } from './strength-scoring';
import { learnerWordsText, verifiedEvidence } from './model-analysis';

const conversations: ScoredConversation[] = [
  {
    conversationId: 'c1',
    locale: 'ja',
    feedbackScores: null,
    turns: [
      { role: 'assistant', content: '資料はいつ頃になりますか？' },
      { role: 'user', content: '金曜17時までに初稿をお送りします。' },
    ],
  },
];

describe('model analysis', () => {
  it("keeps only quotes found in that conversation's learner messages", () => {
    const answer = emptyEvidence();
    answer.clarity = [
      { conversationId: 'c1', quote: '「金曜17時までに初稿をお送りします」' },
      { conversationId: 'c1', quote: '資料はいつ頃になりますか' },
      { conversationId: 'c2', quote: '金曜17時' },
      { conversationId: 'c1', quote: 'invented words' },
    ];
    const evidence = verifiedEvidence(answer, conversations);
    expect(evidence.clarity).toEqual([{ conversationId: 'c1', quote: '金曜17時までに初稿をお送りします' }]);
    expect(evidence.empathy).toEqual([]);
  });

  it("sends only the learner's words, grouped by conversation", () => {
    const text = learnerWordsText(conversations);
    expect(text).toContain('conversationId: c1');
    expect(text).toContain('- 金曜17時までに初稿をお送りします。');
    expect(text).not.toContain('資料はいつ頃');
  });
});
