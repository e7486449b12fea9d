import { linesFor, type Lines, type Register } from './phrases/phrasebook';
import { pickOne, type Random } from './seeded-random';
import { fill, sentenceKey, sentencesOf } from './text';

/**
 * Chooses lines the character has not said yet in this conversation. Every sentence already said (in earlier
 * assistant turns or earlier in this reply) is remembered, so no line is ever repeated within a conversation.
 */
export class LinePicker {
  private readonly said = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly register: Register,
    private readonly locale: 'ja' | 'en',
    history: string[],
    private readonly connectors: Lines,
  ) {
    for (const turn of history) for (const s of sentencesOf(turn)) this.said.add(sentenceKey(s));
  }

  /** Whether any of these lines was already said in full (used to know a conversation was closed). */
  saidAny(lines: Lines): boolean {
    return linesFor(lines, this.register).some((l) =>
      sentencesOf(l).every((s) => this.said.has(sentenceKey(s))),
    );
  }

  /** A fresh line from the first source that has one, or undefined. */
  pick(
    sources: Array<Lines | undefined>,
    values: Record<string, string | undefined> = {},
  ): string | undefined {
    for (const source of sources) {
      if (!source) continue;
      const fresh = this.fresh(linesFor(source, this.register), values);
      const line = pickOne(fresh, this.random);
      if (line) return this.take(line);
    }
    return undefined;
  }

  /** Like pick, but when every plain line was used, tries them again behind a connector ("ちなみに、", "Also, "). */
  pickVaried(
    sources: Array<Lines | undefined>,
    values: Record<string, string | undefined> = {},
  ): string | undefined {
    const plain = this.pick(sources, values);
    if (plain) return plain;
    const connectors = linesFor(this.connectors, this.register);
    const candidates: string[] = [];
    for (const source of sources) {
      if (!source) continue;
      for (const line of linesFor(source, this.register)) {
        const filled = fill(line, values);
        if (filled) for (const c of connectors) candidates.push(this.connect(c, filled));
      }
    }
    const line = pickOne(this.fresh(candidates, {}), this.random);
    return line ? this.take(line) : undefined;
  }

  /**
   * The fresh line sharing the most words with `text` (an answer that picks up what was asked), or undefined
   * when no line shares any.
   */
  pickRelated(text: string, sources: Array<Lines | undefined>): string | undefined {
    const wanted = new Set(wordsOf(text, this.locale));
    if (!wanted.size) return undefined;
    const lines = this.fresh(
      sources.flatMap((s) => (s ? linesFor(s, this.register) : [])),
      {},
    );
    let best: string[] = [];
    let bestScore = 0;
    for (const line of lines) {
      const score = wordsOf(line, this.locale).filter((w) => wanted.has(w)).length;
      if (score > bestScore) [best, bestScore] = [[line], score];
      else if (score === bestScore && score > 0) best.push(line);
    }
    const line = pickOne(best, this.random);
    return line ? this.take(line) : undefined;
  }

  /** Marks a line given from outside (an opening line, a catchphrase) as said, if it is new. */
  claim(line: string): string | undefined {
    return this.isFresh(line) ? this.take(line) : undefined;
  }

  private fresh(lines: string[], values: Record<string, string | undefined>): string[] {
    return lines
      .map((l) => fill(l, values))
      .filter((l): l is string => l !== undefined)
      .map((l) => (this.locale === 'en' ? l.charAt(0).toUpperCase() + l.slice(1) : l))
      .filter((l) => this.isFresh(l));
  }

  private isFresh(line: string): boolean {
    const keys = sentencesOf(line).map(sentenceKey);
    return keys.length > 0 && keys.every((k) => k && !this.said.has(k));
  }

  private take(line: string): string {
    for (const s of sentencesOf(line)) this.said.add(sentenceKey(s));
    return line;
  }

  private connect(connector: string, line: string): string {
    if (this.locale === 'ja') return connector + line;
    const rest = /^I\b/.test(line) ? line : line.charAt(0).toLowerCase() + line.slice(1);
    return `${connector} ${rest}`;
  }
}

const EN_STOP = new Set([
  'about',
  'have',
  'that',
  'this',
  'with',
  'what',
  'your',
  'there',
  'they',
  'from',
  'just',
  'been',
  'some',
  'know',
  'good',
  'like',
  'does',
  'would',
  'could',
  'should',
  'really',
  'lately',
  'first',
  'going',
  'thing',
  'think',
  'time',
  'week',
  'much',
  'more',
  'well',
  'want',
  'need',
  'make',
  'take',
  'usually',
  'ever',
  'here',
  'where',
  'when',
  'which',
  'anything',
  'something',
]);

/** Content words: English words of four letters or more, Japanese runs of two or more kanji or katakana. */
function wordsOf(text: string, locale: 'ja' | 'en'): string[] {
  if (locale === 'ja') return text.match(/[\u4e00-\u9fff\u30a0-\u30ff]{2,}/g) ?? [];
  return (text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .map((w) => w.replace(/s$/, ''))
    .filter((w) => !EN_STOP.has(w));
}
