/** Escapes LIKE wildcards so user text matches literally (used with `ESCAPE '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A pattern that finds `text` anywhere in a column, for ILIKE. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
