import { isValidSlug, slugify, SLUG_MAX_LENGTH, withSuffix } from './slug';

describe('slugify', () => {
  it('joins lower-cased words with hyphens', () => {
    expect(slugify('Giving Feedback: the basics!')).toBe('giving-feedback-the-basics');
  });

  it('keeps Japanese titles readable and turns their punctuation into separators', () => {
    expect(slugify('上司への報告・連絡・相談')).toBe('上司への報告-連絡-相談');
    expect(slugify('「来週までに」と頼まれた')).toBe('来週までに-と頼まれた');
    expect(slugify('チーム・ミーティング')).toBe('チーム-ミーティング');
  });

  it('folds full-width letters and digits to ASCII', () => {
    expect(slugify('ＡＢＣ商事と１対１')).toBe('abc商事と1対1');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  it('cuts a single long word instead of returning nothing', () => {
    expect([...slugify('長'.repeat(100))]).toHaveLength(60);
  });

  it('falls back when the title has no letters or would look like an id', () => {
    expect(slugify('!!! ???')).toBe('scenario');
    expect(slugify('123e4567-e89b-12d3-a456-426614174000')).toBe(
      'scenario-123e4567-e89b-12d3-a456-426614174000',
    );
  });

  it('always produces a valid slug', () => {
    for (const title of ['Hello', '報告', 'ＡＢＣ', '!!!', 'a -- b', 'Ünïcödé wörds']) {
      expect(isValidSlug(slugify(title))).toBe(true);
    }
  });
});

describe('isValidSlug', () => {
  it.each(['abc', 'a-b-c', '報告-練習', 'v2-update'])('accepts %s', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each(['', 'Upper', 'a--b', '-a', 'a-', 'a b', 'a_b', '123e4567-e89b-12d3-a456-426614174000'])(
    'rejects %p',
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
    },
  );

  it('counts characters, not bytes', () => {
    expect(isValidSlug('報'.repeat(SLUG_MAX_LENGTH))).toBe(true);
    expect(isValidSlug('報'.repeat(SLUG_MAX_LENGTH + 1))).toBe(false);
  });
});

describe('withSuffix', () => {
  it('appends a numbered suffix', () => {
    expect(withSuffix('intro', 2)).toBe('intro-2');
  });

  it('shortens a base at the length limit so the suffix fits', () => {
    const base = 'a'.repeat(SLUG_MAX_LENGTH);
    const suffixed = withSuffix(base, 12);
    expect(suffixed).toHaveLength(SLUG_MAX_LENGTH);
    expect(suffixed.endsWith('-12')).toBe(true);
    expect(isValidSlug(suffixed)).toBe(true);
  });
});
