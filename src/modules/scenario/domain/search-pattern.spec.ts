import { containsPattern, escapeLike } from './search-pattern';

describe('LIKE patterns', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('wraps the escaped text for a substring match', () => {
    expect(containsPattern('報告')).toBe('%報告%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
  });
});
