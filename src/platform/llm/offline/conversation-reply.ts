import type { LlmRequest } from '../llm.types';
import type { ConversationView } from './conversation-view';
import { readLearnerInput, type LearnerInput } from './learner-intent';
import type { LinePicker } from './line-picker';
import type { Traits } from './persona-traits';
import type { Intent, Lines, PhraseBook } from './phrases/phrasebook';
import type { Random } from './seeded-random';
import { joinParts } from './text';

/** Learner turns after which a practice conversation comes to a natural close. */
export const CLOSE_AFTER = { scenario: 7, chat: 10 } as const;

const MAX_PARTS = 3;

export interface ReplyContext {
  request: LlmRequest;
  book: PhraseBook;
  traits: Traits;
  view: ConversationView;
  picker: LinePicker;
  random: Random;
}

/**
 * A chat or scenario reply: acknowledge the learner's social move, react to what they actually said
 * (answer a question, take up a proposal, push back on a refusal...), then move the conversation on with the
 * character's own concern or a question that fits the situation and the stage of the conversation.
 */
export function conversationReply(ctx: ReplyContext): string {
  const { request, book, traits, view, picker, random } = ctx;
  const mode = request.mode === 'scenario' ? 'scenario' : 'chat';
  const turn = view.others.length;
  const topic = book.topics[traits.topics[0] ?? (mode === 'chat' ? 'smalltalk' : 'instructions')];
  const alsoTopic = traits.topics[1] ? book.topics[traits.topics[1]] : undefined;
  const parts: string[] = [];
  const add = (line: string | undefined) => {
    if (line && parts.length < MAX_PARTS) parts.push(line);
  };

  if (turn === 0) {
    const opening = request.persona?.openingLine
      ? picker.claim(cleanOpening(request.persona.openingLine))
      : undefined;
    if (opening) return opening;
    add(picker.pick([mode === 'chat' ? book.reactions.greeting : book.openings]));
    // Small talk opens with something of the character's own; a scenario with a question about the situation.
    add(picker.pick(mode === 'chat' ? [topic.concerns, topic.probes] : [topic.probes, book.stages.early]));
    return finish(parts, ctx);
  }

  const input = readLearnerInput(view.last?.content ?? '', request.locale, mode === 'scenario');
  // Small talk has its own light reactions; business ones ("let us proceed") would sound odd over lunch.
  const moodLines = (intent: Intent): Lines | undefined =>
    mode === 'chat'
      ? (book.chatReactions[intent] ?? book.moodReactions[traits.mood]?.[intent])
      : book.moodReactions[traits.mood]?.[intent];
  // Mood closings wrap up business; small talk ends the way small talk does.
  const closings =
    mode === 'scenario' ? [book.moodClosings[traits.mood], book.closings.scenario] : [book.closings.chat];
  const closed = closings.some((c) => c && picker.saidAny(c));

  const social = input.social.find((i) => i !== 'farewell' && (i !== 'greeting' || turn <= 2));
  if (social) add(picker.pick([moodLines(social), book.reactions[social]]));

  if (closed) {
    // After the close only what still needs an answer gets one; the rest is a brief goodbye.
    if (input.main && ['question', 'clarification', 'refusal', 'proposal', 'offer'].includes(input.main))
      add(react(ctx, input, moodLines, mode === 'chat'));
    add(
      picker.pickVaried([
        input.social.includes('farewell') ? book.reactions.farewell : undefined,
        book.afterClose,
      ]),
    );
    return finish(parts, ctx);
  }

  const leaving = input.social.includes('farewell') && turn >= 2;
  if (!leaving) add(react(ctx, input, moodLines, mode === 'chat'));
  if (input.main === 'clarification')
    add(picker.pick([topic.concerns, alsoTopic?.concerns, book.stages.middle]));

  if (turn >= CLOSE_AFTER[mode] || leaving) {
    add(picker.pickVaried(closings));
    return finish(parts, ctx);
  }

  const stage = turn <= 2 ? 'early' : 'late';
  if (parts.length < MAX_PARTS - 1) {
    const catchphrase =
      turn === 2 || turn === 5 ? traits.catchphrases.map((c) => picker.claim(c)).find(Boolean) : undefined;
    if (catchphrase) add(catchphrase);
    else if (turn === 1 || random() < 0.45) add(picker.pick([book.moods[traits.mood][stage]]));
  }

  // After an answer the character sometimes lets the learner take the lead.
  const letLearnerLead = input.main === 'question' && random() < 0.35;
  if (!letLearnerLead && input.main !== 'clarification') {
    const nearClose = turn >= CLOSE_AFTER[mode] - 2;
    const sources = nearClose
      ? [book.stages.late, topic.probes, alsoTopic?.probes]
      : turn <= 2
        ? [topic.concerns, topic.probes, alsoTopic?.concerns, book.stages.early]
        : [topic.probes, alsoTopic?.probes, topic.concerns, book.stages.middle];
    add(picker.pickVaried(sources));
  }
  return finish(parts, ctx);
}

/**
 * The reaction to the learner's main move. In small talk a question gets the character's own story on what was
 * asked (a cafe question finds the line about the new cafe), else a light answer, never a business one.
 */
function react(
  ctx: ReplyContext,
  input: LearnerInput,
  moodLines: (intent: Intent) => Lines | undefined,
  smallTalk: boolean,
): string | undefined {
  const { book, picker, random, traits } = ctx;
  switch (input.main) {
    case undefined:
      return undefined;
    case 'question':
      if (input.questionKind === 'opinion' && !smallTalk) {
        // Asked what worries them, characters voice their own stance or concern.
        const stance = traits.mood === 'neutral' ? undefined : book.moods[traits.mood].early;
        return picker.pickVaried([
          stance,
          book.topics[traits.topics[0] ?? 'instructions'].concerns,
          book.answers.opinion,
        ]);
      }
      if (smallTalk) {
        const stories = Object.values(book.topics).map((t) => t.concerns);
        const own = book.topics[traits.topics[0] ?? 'smalltalk'].concerns;
        const asked = ctx.view.last?.content ?? '';
        const kind = chatQuestionKind(asked);
        if (kind === 'pastime')
          return picker.pickVaried([book.topics.smalltalk.concerns, book.chatAnswers.preference]);
        if (kind === 'state') return picker.pickVaried([book.chatAnswers.state, own]);
        return (
          picker.pickRelated(asked, stories) ??
          picker.pickVaried([book.chatAnswers[kind], own, book.chatAnswers.other, book.reactions.question])
        );
      }
      if (input.questionKind === 'how' || input.questionKind === 'what') {
        const advice = book.topics[traits.topics[0] ?? 'instructions'].advice;
        if (advice) return picker.pickVaried([advice, book.answers[input.questionKind]]);
      }
      return picker.pickVaried([
        moodLines('question'),
        book.answers[input.questionKind ?? 'confirm'],
        book.reactions.question,
      ]);
    case 'clarification':
      return picker.pickVaried([moodLines('clarification'), book.reactions.clarification]);
    case 'statement':
    case 'agreement': {
      // Echoes ("明日ですね、承知しました") are for work talk; small talk just reacts.
      const echo = smallTalk
        ? undefined
        : input.time
          ? picker.pick([book.echoes.time], { time: input.time })
          : input.subject && random() < 0.6
            ? picker.pick([book.echoes.keyword], { kw: input.subject })
            : input.quote && random() < 0.5
              ? picker.pick([book.echoes.quote], { quote: input.quote })
              : undefined;
      return echo ?? picker.pickVaried([moodLines(input.main), book.reactions[input.main]]);
    }
    default:
      return picker.pickVaried([moodLines(input.main), book.reactions[input.main]]);
  }
}

/** What a small-talk question asks about: free time, how things are, whether the character likes something, or else. */
function chatQuestionKind(question: string): 'pastime' | 'state' | 'preference' | 'other' {
  if (/休み|休日|週末|趣味|weekend|days? off|free time|hobb/i.test(question)) return 'pastime';
  if (/好き|嫌い|興味|得意|はまって|like|love|into|enjoy|prefer|fan of/i.test(question)) return 'preference';
  if (/どう[？?]|どうですか|調子|最近|元気|how (is|are|was|have|'s)|how's|busy/i.test(question))
    return 'state';
  return 'other';
}

/** A scenario's written opening may script both sides (あなた: 「…」 同僚: 「…」); the character says only its own part. */
export function cleanOpening(text: string): string {
  const learner = /^(あなた|自分|学習者|you|learner|me)$/i;
  const scripted = [...text.matchAll(/([^\s「」"“”:：]{1,12})\s*[:：]\s*[「"“]([^」"”]+)[」"”]/g)];
  if (scripted.length) {
    const own = scripted.filter((m) => !learner.test(m[1])).map((m) => m[2].trim());
    if (own.length) return tidy(own.join(' '));
  }
  const lines = text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .filter((l) => !/^(あなた|自分|学習者|you|learner)\s*[:：]/i.test(l))
    .map((l) => l.replace(/^[^\s:：「」"]{1,12}[:：]\s*/, '').replace(/^[「"“](.*)[」"”]$/, '$1'));
  return tidy(lines.join(' ') || text);
}

/** Collapses whitespace, drops it between Japanese characters (YAML folding leaves spaces there), ends the sentence. */
function tidy(text: string): string {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/([^!-~\s]) (?=[^!-~\s])/g, '$1')
    .trim();
  if (!t || /[。！？!?.…」』"”)）]$/.test(t)) return t;
  return /[^!-~\s]$/.test(t) ? `${t}。` : `${t}.`;
}

/** Joins the parts; if every bank is used up, falls back to a head-and-tail combination never said before. */
export function finish(parts: string[], ctx: ReplyContext): string {
  if (!parts.length) {
    const { book, picker } = ctx;
    const heads = pickAll(book.fillers.heads, ctx);
    const tails = pickAll(book.fillers.tails, ctx);
    const combos = heads.flatMap((h) => tails.map((t) => joinParts([h, t], ctx.request.locale)));
    const filler = picker.pick([combos]);
    parts.push(
      filler ??
        (ctx.request.locale === 'ja' ? `（${ctx.view.others.length}）` : `(${ctx.view.others.length})`),
    );
  }
  return joinParts(parts, ctx.request.locale);
}

function pickAll(lines: Lines, ctx: ReplyContext): string[] {
  return Array.isArray(lines) ? lines : lines[ctx.traits.register];
}
