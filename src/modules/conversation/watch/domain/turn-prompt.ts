import type { LlmMessage, Persona } from '../../../../platform/llm';
import type { Locale } from '../../domain/personas';
import { fitHistory } from '../../domain/prompt';
import type { WatchPersona } from '../watch-session';
import { addressOf, pendingLearnerLines, type TranscriptEntry } from './transcript';

export interface TurnContext {
  locale: Locale;
  theme: string;
  personas: [WatchPersona, WatchPersona];
  /** The colleague who speaks this turn. */
  speaker: 0 | 1;
  /** Set once the learner has joined. */
  learnerName: string | null;
  entries: TranscriptEntry[];
  /** The number of the turn being generated, from 1. */
  turn: number;
  maxTurns: number;
  budgetTokens: number;
}

/**
 * The persona the model plays this turn, for providers (the offline one) that read it directly. The situation is
 * the theme alone: the offline model quotes it when it opens the conversation.
 */
export function personaFor(ctx: Pick<TurnContext, 'theme' | 'personas' | 'speaker'>): Persona {
  const me = ctx.personas[ctx.speaker];
  return {
    name: me.name,
    role: me.role,
    personality: me.personality,
    speakingStyle: me.speakingStyle,
    situation: ctx.theme,
  };
}

/**
 * The prompt for one turn, from the speaker's point of view: its own lines are the assistant's, everyone
 * else's (the other colleague's and the learner's, each with their name) are user lines it answers.
 */
export function turnPrompt(ctx: TurnContext): LlmMessage[] {
  const history = fitHistory(
    ctx.entries.map((e) =>
      e.by === ctx.speaker
        ? { role: 'assistant' as const, content: e.content }
        : { role: 'user' as const, name: e.speaker, content: e.content },
    ),
    ctx.budgetTokens,
  );
  const messages: LlmMessage[] = [{ role: 'system', content: systemPrompt(ctx) }];
  // A stage direction opens the conversation, and keeps the window from starting with the model's own line.
  if (history.length === 0 || history[0].role === 'assistant') {
    messages.push({ role: 'user', name: 'director', content: stageCue(ctx, history.length === 0) });
  }
  return [...messages, ...history];
}

function systemPrompt(ctx: TurnContext): string {
  const me = ctx.personas[ctx.speaker];
  const other = ctx.personas[ctx.speaker === 0 ? 1 : 0];
  const pending = pendingLearnerLines(ctx.entries).length > 0;
  const learner = ctx.learnerName ? addressOf(ctx.learnerName, ctx.locale) : null;
  const last = ctx.turn >= ctx.maxTurns;
  const nearEnd = !last && ctx.maxTurns >= 4 && ctx.turn >= ctx.maxTurns - 1;
  if (ctx.locale === 'ja') {
    return [
      'あなたは職場の同僚どうしの会話の登場人物です。以下の人物になりきり、日本語で会話を続けてください。',
      `あなた：${me.name}（${me.role}）`,
      `性格：${me.personality}`,
      `話し方：${me.speakingStyle}`,
      `話し相手：${other.name}さん（${other.role}）。${other.personality}`,
      `話題：${ctx.theme}`,
      learner ? `${learner}も会話に加わっています。` : '',
      pending && learner
        ? `直前に${learner}が話しました。「${learner}」と呼びかけて、その発言に直接答えてください。`
        : '',
      nearEnd ? '会話は終盤です。話をまとめる方向に進めてください。' : '',
      last ? 'これがあなたの最後のひと言です。話をまとめ、自然に会話を締めくくってください。' : '',
      '返答は1〜3文の自然な話し言葉で、あなた自身のセリフだけを書いてください。名前や「：」は付けず、AIであることや練習であることには触れないでください。',
    ]
      .filter(Boolean)
      .join('\n');
  }
  return [
    'You are a character in a conversation between colleagues at work. Stay in character as the person below and continue the conversation in English.',
    `You: ${me.name} (${me.role})`,
    `Personality: ${me.personality}`,
    `Speaking style: ${me.speakingStyle}`,
    `Talking with: ${other.name} (${other.role}). ${other.personality}`,
    `Topic: ${ctx.theme}`,
    learner
      ? `${learner === 'you' ? 'A colleague (address them as "you")' : learner} has joined the conversation.`
      : '',
    pending && learner
      ? `${learner === 'you' ? 'That colleague' : learner} just spoke: answer them directly, addressing them by name.`
      : '',
    nearEnd ? 'The conversation is nearing its end: start drawing it together.' : '',
    last ? 'This is your last line: wrap the conversation up naturally.' : '',
    'Reply with 1-3 natural spoken sentences of your own line only: no name prefix, and never mention being an AI or a practice.',
  ]
    .filter(Boolean)
    .join('\n');
}

function stageCue(ctx: TurnContext, opening: boolean): string {
  const other = ctx.personas[ctx.speaker === 0 ? 1 : 0];
  if (ctx.locale === 'ja') {
    return opening
      ? `（会話の始まりです。「${ctx.theme}」について、${other.name}さんに話しかけてください。）`
      : `（${other.name}さんと「${ctx.theme}」について話しています。）`;
  }
  return opening
    ? `(The conversation begins. Bring up ${ctx.theme} with ${other.name}.)`
    : `(You are talking with ${other.name} about ${ctx.theme}.)`;
}
