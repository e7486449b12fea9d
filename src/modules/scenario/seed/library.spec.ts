import { CATEGORIES, DIFFICULTIES } from '../domain/scenario-content';
import { loadLibrary, resolveLibraryDir } from './library-files';

/** The built-in library is product content: these are its editorial rules. */
describe('the built-in scenario library', () => {
  const library = loadLibrary(resolveLibraryDir());
  const scenarios = library.map((s) => ({ name: s.name, slug: s.slug, ...s.content }));

  it('has at least 36 scenarios, Japanese first, with at least 6 in English', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(36);
    const english = scenarios.filter((s) => s.locale === 'en').length;
    expect(english).toBeGreaterThanOrEqual(6);
    expect(scenarios.length - english).toBeGreaterThan(english);
  });

  it('covers every difficulty and every category', () => {
    expect(new Set(scenarios.map((s) => s.difficulty))).toEqual(new Set(DIFFICULTIES));
    expect(new Set(scenarios.map((s) => s.category))).toEqual(new Set(CATEGORIES));
  });

  it('has at least 6 sensitive harassment-prevention scenarios, 2 of them with the learner as the manager', () => {
    const harassment = scenarios.filter((s) => s.category === 'harassment-prevention');
    expect(harassment.length).toBeGreaterThanOrEqual(6);
    expect(harassment.every((s) => s.sensitive)).toBe(true);
    expect(harassment.filter((s) => s.roleType === 'reverse').length).toBeGreaterThanOrEqual(2);
    expect(scenarios.filter((s) => s.sensitive).every((s) => s.category === 'harassment-prevention')).toBe(
      true,
    );
  });

  it('names each file after its slug', () => {
    for (const s of scenarios) expect(s.name).toBe(s.slug);
  });

  it('gives every scenario a named character with an opening line, 3-5 learning points and 3-4 feedback points', () => {
    const problems = scenarios.flatMap((s) =>
      [
        !s.character.name && 'the character has no name',
        !s.character.initialApproach && 'the character has no opening line',
        (s.learningPoints.length < 3 || s.learningPoints.length > 5) &&
          `${s.learningPoints.length} learning points`,
        (s.feedbackPoints.length < 3 || s.feedbackPoints.length > 4) &&
          `${s.feedbackPoints.length} feedback points`,
        !(s.aiRole && s.userRole) && 'a role is missing',
        s.tags.length < 2 && 'fewer than 2 tags',
      ]
        .filter(Boolean)
        .map((problem) => `${s.slug}: ${problem as string}`),
    );
    expect(problems).toEqual([]);
  });

  it('writes Japanese scenarios in Japanese and English ones in English', () => {
    const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
    const mismatched = scenarios
      .filter((s) => {
        const text = [s.title, s.description, s.character.situation, s.character.initialApproach].join(' ');
        return japanese.test(text) !== (s.locale === 'ja');
      })
      .map((s) => s.slug);
    expect(mismatched).toEqual([]);
  });

  it('does not repeat titles or character names within a locale', () => {
    const titles = scenarios.map((s) => `${s.locale}:${s.title}`);
    expect(new Set(titles).size).toBe(titles.length);
    const names = scenarios.map((s) => `${s.locale}:${s.character.name}`);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
