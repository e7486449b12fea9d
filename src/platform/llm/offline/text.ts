/** Splits text into sentences, keeping their end punctuation. */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？!?.…]+(?:[。！？!?.…]+[」』"”)）]?|$)/g) ?? [])
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A comparison key: what is said, ignoring spacing, punctuation and case. */
export function sentenceKey(sentence: string): string {
  return sentence.toLowerCase().replace(/[\s、。，．,.!！?？「」『』"“”'‘’…・()（）〜~:：;；-]/g, '');
}

/** Fills {placeholders}; undefined when a placeholder has no value (the line does not fit). */
export function fill(template: string, values: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : out;
}

/** Joins reply parts: Japanese runs sentences together, English separates them with a space. */
export function joinParts(parts: string[], locale: 'ja' | 'en'): string {
  return locale === 'ja' ? parts.join('') : parts.join(' ');
}

/** Whether text is a stage direction such as （会話の始まりです。） rather than something the learner said. */
export function isStageDirection(text: string): boolean {
  const t = text.trim();
  return /^[（(][\s\S]*[）)]$/.test(t);
}
