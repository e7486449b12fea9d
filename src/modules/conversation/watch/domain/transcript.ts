import type { Locale } from '../../domain/personas';

/** One line of a watch session, as the turn-taking rules see it. */
export interface TranscriptEntry {
  id: string;
  /** 0 or 1 for the AI colleagues, 'learner' for the learner. */
  by: 0 | 1 | 'learner';
  /** The name the others know the speaker by. */
  speaker: string;
  content: string;
  /** AI turns are numbered from 1; learner lines have none. */
  turn: number | null;
}

export const isAi = (e: TranscriptEntry): e is TranscriptEntry & { by: 0 | 1 } => e.by !== 'learner';

/** The colleague who speaks next: never the one who spoke last, so no one answers themselves. */
export function nextSpeaker(entries: TranscriptEntry[]): 0 | 1 {
  for (let i = entries.length - 1; i >= 0; i--) {
    const by = entries[i].by;
    if (by !== 'learner') return by === 0 ? 1 : 0;
  }
  return 0;
}

/** The learner lines said since the last AI turn: what the next turn must answer. */
export function pendingLearnerLines(entries: TranscriptEntry[]): TranscriptEntry[] {
  const pending: TranscriptEntry[] = [];
  for (let i = entries.length - 1; i >= 0 && entries[i].by === 'learner'; i--) pending.unshift(entries[i]);
  return pending;
}

export function aiTurnCount(entries: TranscriptEntry[]): number {
  return entries.filter(isAi).length;
}

/** How a colleague addresses someone: 〜さん in Japanese, except the generic あなた. */
export function addressOf(name: string, locale: Locale): string {
  if (locale === 'en') return name;
  return name === 'あなた' ? name : `${name}さん`;
}

/** Removes what models sometimes add around a line: their own name as a prefix, or quotation marks. */
export function cleanLine(text: string, ownName: string): string {
  let line = text.trim();
  const prefix = new RegExp(`^(${escapeRegExp(ownName)})(さん)?\\s*[:：]\\s*`);
  line = line.replace(prefix, '');
  const quoted = /^「([^「」]*)」$/.exec(line) ?? /^"([^"]*)"$/.exec(line) ?? /^“([^“”]*)”$/.exec(line);
  return (quoted ? quoted[1] : line).trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
