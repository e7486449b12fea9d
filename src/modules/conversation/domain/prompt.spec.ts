import { estimateTokens, fitHistory } from './prompt';

describe('fitHistory', () => {
  const turns = Array.from({ length: 20 }, (_, i) => ({
    role: i % 2 ? ('assistant' as const) : ('user' as const),
    content: `message number ${i} `.repeat(10),
  }));

  it('keeps the newest turns within the token budget, oldest first', () => {
    const budget = turns.slice(15).reduce((sum, t) => sum + estimateTokens(t.content), 0);
    const kept = fitHistory(turns, budget);
    expect(kept.length).toBe(5);
    expect(kept[kept.length - 1]).toBe(turns[19]);
    expect(kept[0]).toBe(turns[15]);
  });

  it('always keeps the newest turn even when it alone exceeds the budget', () => {
    expect(fitHistory(turns, 1)).toEqual([turns[19]]);
  });

  it('counts Japanese characters as more expensive than English letters', () => {
    expect(estimateTokens('会議の資料を準備します')).toBeGreaterThan(estimateTokens('prepare docs'));
  });
});
