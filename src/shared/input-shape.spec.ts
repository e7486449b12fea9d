import { ValidationFailedError } from './domain-error';
import { assertPlainInput, MAX_INPUT_DEPTH } from './input-shape';

describe('assertPlainInput', () => {
  const failure = (value: unknown, field?: string) => {
    try {
      assertPlainInput(value, field);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationFailedError);
      return (e as ValidationFailedError).details;
    }
    return undefined;
  };

  it('accepts ordinary input of any shape up to the depth limit', () => {
    expect(failure({ content: 'こんにちは', tags: ['a', 'b'], n: 1, ok: true, none: null })).toBeUndefined();
    let nested: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) nested = [nested];
    expect(failure(nested)).toBeUndefined();
  });

  it('names the field holding a NUL character, in values and in keys', () => {
    expect(failure({ content: 'hi\u0000there' })).toEqual([
      { field: 'content', messages: ['must not contain NUL characters'] },
    ]);
    expect(failure({ preferences: { theme: 'x\u0000' } })?.[0].field).toBe('preferences.theme');
    expect(failure({ personas: [{ name: 'ok' }, { name: '\u0000' }] })?.[0].field).toBe('personas.1.name');
    expect(failure({ ['a\u0000']: 1 })?.[0].field).toBe('a\u0000');
    expect(failure('abc\u0000def', 'idOrSlug')?.[0].field).toBe('idOrSlug');
  });

  it('refuses nesting beyond the limit without recursing through all of it', () => {
    let nested: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    expect(failure({ topic: nested })?.[0]).toEqual({
      field: expect.stringMatching(/^topic(\.0)+$/),
      messages: [`must not be nested more than ${MAX_INPUT_DEPTH} levels deep`],
    });
  });
});
