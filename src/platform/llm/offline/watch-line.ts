import type { ReplyContext } from './conversation-reply';
import type { Turn } from './conversation-view';
import { finish } from './conversation-reply';
import { readLearnerInput } from './learner-intent';

const MAX_PARTS = 2;
/** What a watch prompt says when the conversation should draw to a close. */
const ENDING = /終盤|最後のひと言|締めくく|nearing its end|last line|wrap (the conversation )?up/i;

/**
 * One line of a watch conversation, spoken by the persona (an AI colleague) to the others in the transcript:
 * it opens on the theme, reacts to the last speaker (addressing them by name), adds its own view or
 * experience, asks back, welcomes a newcomer, and after a long exchange starts to draw conclusions.
 */
export function watchLine(ctx: ReplyContext): string {
  const { request, book, traits, view, picker, random } = ctx;
  const w = book.watch;
  const topic = traits.topics[0] ? book.topics[traits.topics[0]] : undefined;
  const parts: string[] = [];
  const add = (line: string | undefined) => {
    if (line && parts.length < MAX_PARTS) parts.push(line);
  };
  const theme = themeOf(request.persona?.situation, view.system);

  if (!view.own.length && !view.others.length) {
    add(picker.pick([w.openers], { theme }) ?? picker.pick([topic?.concerns, w.opinions]));
    add(picker.pick([topic?.probes]));
    return finish(parts, ctx);
  }

  const last = view.last;
  const name = addressOf(last?.name, request.locale);
  if (
    last?.name &&
    name &&
    view.others.filter((t) => t.name === last.name).length === 1 &&
    view.others.length + view.own.length > 2
  ) {
    add(picker.pick([w.welcomes], { name }));
  }
  const input = last ? readLearnerInput(last.content, request.locale, false) : undefined;
  const key =
    input?.main === 'question' || input?.main === 'clarification'
      ? 'question'
      : input?.main === 'proposal' || input?.main === 'refusal' || input?.main === 'agreement'
        ? input.main
        : 'statement';
  if (last) {
    const reaction = picker.pickVaried([w.reactions[key]], { name });
    // In a three-way conversation, a reply to someone other than the usual partner says whom it answers.
    const naming = name && last.name !== usualPartner(view.others) && !parts.some((p) => p.includes(name));
    add(
      reaction && naming && !reaction.includes(name) ? addressing(reaction, name, request.locale) : reaction,
    );
  }

  const spoken = view.own.length;
  const sources =
    ENDING.test(view.system) || (spoken >= 6 && random() < 0.35)
      ? [w.wrapUps, w.opinions]
      : random() < 0.5
        ? [topic?.concerns, w.opinions, topic?.probes]
        : [w.questionsBack, topic?.probes, w.opinions];
  add(picker.pickVaried(sources, { name }));
  return finish(parts, ctx);
}

/** The voice heard most often: the colleague being talked with, as opposed to someone who joined. */
function usualPartner(others: Turn[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of others) if (t.name) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  let best: string | undefined;
  for (const [name, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = name;
  return best;
}

/** A line addressed to someone: `name` is already how they are addressed (鈴木さん, Sam). */
function addressing(line: string, name: string, locale: 'ja' | 'en'): string {
  if (locale === 'ja') return `${name}、${line}`;
  return `${name}, ${/^I\b/.test(line) ? line : line.charAt(0).toLowerCase() + line.slice(1)}`;
}

/** The theme: the persona's situation, else a "テーマ：…" / "Theme: …" line of the system prompt. */
function themeOf(situation: string | undefined, system: string): string | undefined {
  const fromPrompt = /(?:テーマ|話題|theme|topic)\s*[:：]\s*(.+)/i.exec(system)?.[1];
  const theme = (situation || fromPrompt || '').trim().replace(/[。.]$/, '');
  return theme && theme.length <= 60 ? theme : undefined;
}

/** How to address a speaker: 鈴木 → 鈴木さん, Sam → Sam; none for the generic あなた / you, which reads badly in a template. */
function addressOf(name: string | undefined, locale: 'ja' | 'en'): string | undefined {
  if (!name || /^(あなた|you)$/i.test(name)) return undefined;
  return locale === 'ja' ? `${name}さん` : name;
}
