const JA_BREAK_AFTER = /[、。！？!?」』）)…]/;
const JA_PARTICLE = /[はがをにでともへねよ]/;
const JA_MAX = 8;
const HIRAGANA = /[ぁ-ゖ]/;

/**
 * Splits a reply into the word or phrase chunks a real model would stream: English by word, Japanese at
 * punctuation and after particles. Joining the chunks gives the text back exactly.
 */
export function chunksOf(text: string, locale: 'ja' | 'en'): string[] {
  if (locale === 'en') return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
  const chunks: string[] = [];
  const chars = [...text];
  let current = '';
  for (const [i, char] of chars.entries()) {
    current += char;
    const next = chars[i + 1] ?? '';
    // A particle ends a phrase only where a new word starts (には, でも stay whole).
    const afterParticle = JA_PARTICLE.test(char) && current.length >= 2 && !HIRAGANA.test(next);
    if (JA_BREAK_AFTER.test(char) || afterParticle || current.length >= JA_MAX) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
