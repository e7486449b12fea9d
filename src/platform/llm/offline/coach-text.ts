import type { ReplyContext } from './conversation-reply';
import { finish } from './conversation-reply';
import { readLearnerInput } from './learner-intent';

/**
 * A short coaching note for feedback and analysis requests that want prose: what the learner did well and one
 * thing to try next, read from their own turns (or from "学習者:" / "Learner:" lines of a transcript).
 */
export function coachText(ctx: ReplyContext): string {
  const { request, book, picker } = ctx;
  const c = book.coach;
  const turns = learnerLines(ctx);
  const inputs = turns.map((t) => readLearnerInput(t, request.locale, false));
  const count = (pred: (i: (typeof inputs)[number]) => boolean) => inputs.filter(pred).length;
  const questions = count((i) => i.main === 'question' || i.main === 'clarification');
  const courtesy = count((i) => i.social.some((s) => s === 'thanks' || s === 'apology' || s === 'greeting'));
  const proposals = count((i) => i.main === 'proposal');
  const short = count((i) => i.main === 'short');
  const detailed = turns.filter((t) => t.length >= (request.locale === 'ja' ? 30 : 80)).length;

  const strengths = [
    questions > 0 && c.strengths.questions,
    proposals > 0 && c.strengths.proposals,
    courtesy > 0 && c.strengths.courtesy,
    detailed > 0 && c.strengths.detail,
    c.strengths.engagement,
  ].filter((l) => l !== false);
  const improvements = [
    short * 2 > turns.length && c.improvements.length,
    questions === 0 && c.improvements.questions,
    proposals === 0 && c.improvements.proposals,
    courtesy === 0 && c.improvements.courtesy,
    c.improvements.detail,
  ].filter((l) => l !== false);

  const parts = [
    picker.pick([c.opening], { count: String(turns.length) }),
    picker.pick(strengths),
    picker.pick(improvements),
    picker.pick([c.closing]),
  ].filter((p): p is string => Boolean(p));
  return finish(parts, ctx);
}

function learnerLines(ctx: ReplyContext): string[] {
  const fromTranscript = ctx.view.others
    .flatMap((t) => t.content.split(/\n/))
    .map((l) => /^(学習者|learner|you)\s*[:：]\s*(.+)$/i.exec(l.trim())?.[2])
    .filter((l): l is string => Boolean(l));
  return fromTranscript.length ? fromTranscript : ctx.view.others.map((t) => t.content);
}
