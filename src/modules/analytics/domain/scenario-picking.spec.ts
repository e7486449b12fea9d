import { pickScenarios } from './scenario-picking';

const s = (id: string, category: string) => ({ id, category });

describe('pickScenarios', () => {
  const byCategory = new Map([
    ['customer', [s('cu1', 'customer'), s('cu2', 'customer')]],
    ['conflict', [s('co1', 'conflict')]],
    ['feedback', [s('fb1', 'feedback'), s('fb2', 'feedback')]],
    ['meetings', [s('me1', 'meetings')]],
  ]);

  it('takes turns between the focus axes, best-fitting category first', () => {
    expect(pickScenarios(['empathy', 'activeListening'], byCategory, new Set()).map((x) => x.id)).toEqual([
      'cu1',
      'fb1',
      'cu2',
    ]);
  });

  it('prefers scenarios not practised yet, then falls back to them', () => {
    const picked = pickScenarios(['empathy'], byCategory, new Set(['cu1', 'cu2', 'co1']), 2).map((x) => x.id);
    expect(picked).toEqual(['cu1', 'cu2']);
    expect(pickScenarios(['empathy'], byCategory, new Set(['cu1'])).map((x) => x.id)).toEqual([
      'cu2',
      'co1',
      'cu1',
    ]);
  });

  it('never picks a scenario twice and copes with an empty catalogue', () => {
    const ids = pickScenarios(['empathy', 'professionalism'], byCategory, new Set(), 5).map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pickScenarios(['clarity'], new Map(), new Set())).toEqual([]);
  });
});
