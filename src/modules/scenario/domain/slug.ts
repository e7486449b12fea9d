/**
 * Slugs are lower-case words joined by hyphens. Letters of any script are kept, so a Japanese title
 * gives a readable Japanese slug (clients percent-encode it in URLs) instead of an opaque id.
 */
const WORD = String.raw`[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+`;
const SLUG_PATTERN = new RegExp(`^${WORD}(?:-${WORD})*$`, 'u');
export const SLUG_MAX_LENGTH = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FALLBACK = 'scenario';

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Full-width letters and digits become their ASCII forms, so `ＡＢＣ` and `ABC` name the same slug. */
export function normalizeSlug(value: string): string {
  return value.normalize('NFKC').trim();
}

/** A slug is valid when it has the slug shape, fits, and cannot be mistaken for an id. */
export function isValidSlug(value: string): boolean {
  return [...value].length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value) && !isUuid(value);
}

/** Builds a slug from a title in any language; never returns an empty or id-shaped string. */
export function slugify(title: string, maxLength = 60): string {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if ([...next].length > maxLength) {
      if (!slug) slug = [...word].slice(0, maxLength).join('');
      break;
    }
    slug = next;
  }
  if (!slug) return FALLBACK;
  return isUuid(slug) ? `${FALLBACK}-${slug}` : slug;
}

/** Keeps a suffixed slug within the length limit by shortening the base. */
export function withSuffix(base: string, n: number): string {
  const suffix = `-${n}`;
  const chars = [...base];
  const room = SLUG_MAX_LENGTH - suffix.length;
  const trimmed = chars.length > room ? chars.slice(0, room).join('').replace(/-+$/, '') : base;
  return `${trimmed}${suffix}`;
}
