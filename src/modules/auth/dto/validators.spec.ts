import { isPreferences, passwordProblems } from './validators';

describe('passwordProblems', () => {
  it('accepts 8 to 128 characters with a lower-case letter, an upper-case letter, a digit and a symbol', () => {
    expect(passwordProblems('Str0ng!p')).toEqual([]);
    expect(passwordProblems(`Aa1!${'x'.repeat(124)}`)).toEqual([]);
    expect(passwordProblems('Пароль1!')).toEqual([]);
  });

  it('names what is missing, in words that never quote the password', () => {
    expect(passwordProblems('Aa1!')).toEqual(['8 to 128 characters']);
    expect(passwordProblems(`Aa1!${'x'.repeat(125)}`)).toEqual(['8 to 128 characters']);
    expect(passwordProblems('alllower')).toEqual(['an upper-case letter', 'a digit', 'a symbol']);
    expect(passwordProblems('NoDigits!')).toEqual(['a digit']);
    expect(passwordProblems('No symbol 1')).toEqual(['a symbol']);
    expect(passwordProblems(12345678)).toEqual(['a string']);
  });
});

describe('isPreferences', () => {
  it('accepts up to 10 string keys with string values of up to 200 characters', () => {
    expect(isPreferences({})).toBe(true);
    expect(
      isPreferences(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v'.repeat(200)]))),
    ).toBe(true);
  });

  it.each([
    ['eleven keys', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))],
    ['a long value', { a: 'v'.repeat(201) }],
    ['a number value', { a: 1 }],
    ['a nested object', { a: { b: 'c' } }],
    ['an empty key', { '': 'v' }],
    ['an array', ['a']],
    ['null', null],
    ['a string', 'ja'],
  ])('refuses %s', (_, value) => {
    expect(isPreferences(value)).toBe(false);
  });
});
