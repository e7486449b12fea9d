import { createHash } from 'node:crypto';
import type { Locale } from '../../domain/personas';
import { QUIZ_EVERY_TURNS, type QuizDraft } from './quiz';
import { addressOf, isAi, type TranscriptEntry } from './transcript';

export interface OfflineQuizInput {
  locale: Locale;
  afterTurn: number;
  /** The lines the quiz is about (see quizWindow). */
  window: TranscriptEntry[];
  /** Everyone who may have spoken: the two colleagues, then the learner if they joined. */
  names: string[];
  seed: string;
}

type Kind = (input: OfflineQuizInput, random: () => number) => QuizDraft | undefined;

/**
 * A quiz written without a model, from the lines just watched: what was a good move, what to say next,
 * or who said a line. Deterministic for a session and checkpoint; the kinds take turns across checkpoints.
 */
export function offlineQuiz(input: OfflineQuizInput): QuizDraft {
  const random = seededRandom(`${input.seed}:${input.afterTurn}`);
  const kinds: Kind[] = [goodMove, nextLine, whoSaid];
  const first = Math.max(0, Math.floor(input.afterTurn / QUIZ_EVERY_TURNS) - 1) % kinds.length;
  for (let i = 0; i < kinds.length; i++) {
    const quiz = kinds[(first + i) % kinds.length](input, random);
    if (quiz) return quiz;
  }
  return generic(input.locale, random);
}

const POOR_MOVES: Record<Locale, string[]> = {
  ja: [
    '相手の話を途中でさえぎり、自分の話題に切り替えた',
    '相手の意見を理由も言わずに否定した',
    '相手の質問に答えず、黙ってしまった',
    '関係のない冗談で話をそらした',
  ],
  en: [
    'Cut the other person off to switch to their own topic',
    "Dismissed the other person's view without giving a reason",
    'Left a question unanswered and went quiet',
    'Changed the subject with an unrelated joke',
  ],
};

const POOR_NEXT_LINES: Record<Locale, string[]> = {
  ja: [
    'それより、昨日のテレビ見ました？',
    'いや、それは違うと思います。',
    'はあ、そうですか。',
    'その話はもういいので、次に行きましょう。',
  ],
  en: [
    'Anyway, did you catch the game last night?',
    "No, that's just wrong.",
    'Hmm. Okay.',
    "Let's drop that and move on.",
  ],
};

/** What a colleague did well in the window: asked a question, answered someone by name, or spoke concretely. */
const goodMove: Kind = ({ locale, window, names }, random) => {
  const ai = window.filter(isAi);
  if (!ai.length) return undefined;
  const others = (e: TranscriptEntry) =>
    names.filter((n) => n !== e.speaker && n !== 'あなた' && n !== 'you');
  const asked = latestSentence(ai, (_entry, sentence) => isQuestion(sentence, locale));
  const addressed = latestSentence(ai, (e, sentence) => others(e).some((n) => sentence.includes(n)));
  const longest = [...ai].sort((a, b) => b.content.length - a.content.length)[0];
  const move = asked ? 'asked' : addressed ? 'addressed' : 'concrete';
  const { entry: line, sentence } = asked ??
    addressed ?? { entry: longest, sentence: longestSentence(longest.content) };
  const q = quote(locale, sentence);
  const s = addressOf(line.speaker, locale);
  const distractors = pick(POOR_MOVES[locale], 3, random);
  if (locale === 'ja') {
    const correct = {
      asked: `「${q}」と問いかけて、相手の考えを引き出した`,
      addressed: `「${q}」と相手に呼びかけて、話をきちんと受け止めた`,
      concrete: `「${q}」と、自分の考えを具体的に伝えた`,
    }[move];
    const why = {
      asked: '質問で相手の考えを引き出すと、会話が一方通行にならず、お互いの理解が深まります。',
      addressed: '名前を呼んで応じると、話をきちんと聞いていることが相手に伝わります。',
      concrete: '考えを具体的に話すと、相手も意見を返しやすくなります。',
    }[move];
    return place(
      `今の${QUIZ_EVERY_TURNS}ターンのやりとりで、${s}の良かった点はどれでしょう？`,
      correct,
      distractors,
      random,
      `${s}は「${q}」と話していました。${why}ほかの選択肢は、相手が話しにくくなる動きです。`,
    );
  }
  const correct = {
    asked: `Asked "${q}" to draw out the other person's view`,
    addressed: `Answered with "${q}", showing they had really listened`,
    concrete: `Said "${q}", making their own view concrete`,
  }[move];
  const why = {
    asked: 'A question draws the other person out, so the conversation does not become one-way.',
    addressed: 'Responding to someone directly, by name, shows you have been listening.',
    concrete: 'Putting a view concretely makes it easy for the other person to respond.',
  }[move];
  return place(
    `In the last ${QUIZ_EVERY_TURNS} turns, what did ${s} do well?`,
    correct,
    distractors,
    random,
    `${s} said "${q}". ${why} The other choices all make it harder for the other person to talk.`,
  );
};

/** What the learner could say after the latest line: take it in, then move the conversation on. */
const nextLine: Kind = ({ locale, window }, random) => {
  const last = [...window].reverse().find(isAi);
  if (!last) return undefined;
  const s = addressOf(last.speaker, locale);
  const latest = lastSentence(last.content);
  const question = isQuestion(latest, locale);
  const q = quote(locale, latest);
  const distractors = pick(POOR_NEXT_LINES[locale], 3, random);
  if (locale === 'ja') {
    const correct = question
      ? `いい質問ですね。私なら、まず小さく試してから結果をチームで共有すると思います。${s}ならどうしますか？`
      : `なるほど、${s}はそう考えているんですね。そう思ったきっかけを、もう少し聞かせてもらえますか？`;
    return place(
      `${s}が「${q}」と言いました。あなたが次に話すとしたら、どれが最も適切でしょう？`,
      correct,
      distractors,
      random,
      (question
        ? '質問にはまず自分の考えで答え、相手にも問い返すと、やりとりが続きます。'
        : '相手の発言をいったん受け止めてから、質問で話を広げるのが効果的です。') +
        '急に話題を変えたり、理由なく否定したり、気のない返事をしたりすると、相手は話を続けにくくなります。',
    );
  }
  const correct = question
    ? `Good question. I'd probably try it on a small scale first and share the results with the team. What would you do, ${s}?`
    : `That's a good point, ${s}. What made you see it that way?`;
  return place(
    `${s} said "${q}". If you spoke next, which would be the best thing to say?`,
    correct,
    distractors,
    random,
    (question
      ? 'Answer the question with your own view first, then ask one back, and the exchange keeps going. '
      : 'Acknowledge what was said, then ask a question to open it up. ') +
      'Changing the subject, disagreeing without a reason or giving a flat reply all make it hard to continue.',
  );
};

/** Who said a line of the window: checks the learner followed who thought what. */
const whoSaid: Kind = ({ locale, window, names }, random) => {
  const long = (e: TranscriptEntry) =>
    locale === 'ja' ? e.content.length >= 8 : e.content.split(/\s+/).length >= 4;
  // Only a sentence no one else said can have one right answer.
  const candidates = window.filter((e) => {
    const sentence = longestSentence(e.content);
    return long(e) && !window.some((o) => o.speaker !== e.speaker && o.content.includes(sentence));
  });
  const line = pick(candidates, 1, random)[0];
  if (!line || names.length < 2) return undefined;
  const q = quote(locale, longestSentence(line.content));
  const who = (n: string) => addressOf(n, locale);
  const others = names.filter((n) => n !== line.speaker).map(who);
  const nobody = locale === 'ja' ? '誰も言っていない' : 'No one said this';
  const distractors = [...others, nobody].slice(0, 3);
  const index = window.indexOf(line);
  const before = index > 0 ? window[index - 1] : undefined;
  const s = who(line.speaker);
  if (locale === 'ja') {
    const context =
      before && before.speaker !== line.speaker
        ? `${who(before.speaker)}の「${quote(locale, lastSentence(before.content))}」を受けての言葉でした。`
        : '';
    return place(
      `「${q}」と言ったのは誰でしょう？`,
      s,
      distractors,
      random,
      `${s}の発言です。${context}誰が何を考えているかを追うと、次の一言が選びやすくなります。`,
    );
  }
  const context =
    before && before.speaker !== line.speaker
      ? ` It answered ${who(before.speaker)}'s "${quote(locale, lastSentence(before.content))}".`
      : '';
  return place(
    `Who said "${q}"?`,
    s,
    distractors,
    random,
    `${s} said it.${context} Following who thinks what makes it easier to choose your next line.`,
  );
};

function generic(locale: Locale, random: () => number): QuizDraft {
  return locale === 'ja'
    ? place(
        '同僚どうしの会話に加わるとき、最初にするとよいことはどれでしょう？',
        '相手の話の区切りを待ち、話題に沿ったひと言で加わる',
        POOR_MOVES.ja.slice(0, 3),
        random,
        '話の区切りを待って話題に沿って加わると、流れを壊さずに会話に入れます。',
      )
    : place(
        'When you join two colleagues mid-conversation, what is a good first move?',
        'Wait for a pause and join with a line on their topic',
        POOR_MOVES.en.slice(0, 3),
        random,
        'Waiting for a pause and staying on their topic lets you join without breaking the flow.',
      );
}

function place(
  question: string,
  correct: string,
  distractors: string[],
  random: () => number,
  explanation: string,
): QuizDraft {
  const choices = shuffle([correct, ...distractors.filter((d) => d !== correct)], random);
  return { question, choices, correctChoice: choices.indexOf(correct), explanation };
}

function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？!?.]+[。！？!?.]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

function isQuestion(sentence: string, locale: Locale): boolean {
  return locale === 'ja' ? /([?？]|か[。．]?)$/.test(sentence) : /\?$/.test(sentence);
}

/** The most recent sentence (of the lines) that fits, with its line. */
function latestSentence(
  lines: TranscriptEntry[],
  fits: (entry: TranscriptEntry, sentence: string) => boolean,
): { entry: TranscriptEntry; sentence: string } | undefined {
  for (const entry of [...lines].reverse()) {
    const sentence = sentencesOf(entry.content)
      .reverse()
      .find((s) => fits(entry, s));
    if (sentence) return { entry, sentence };
  }
  return undefined;
}

function lastSentence(text: string): string {
  const all = sentencesOf(text);
  return all[all.length - 1] ?? text;
}

function longestSentence(text: string): string {
  return [...sentencesOf(text)].sort((a, b) => b.length - a.length)[0] ?? text;
}

/** A sentence short enough to quote, without its full stop. */
function quote(locale: Locale, sentence: string): string {
  const max = locale === 'ja' ? 40 : 90;
  const body = sentence.trim().replace(/[。．.]$/, '');
  return body.length > max ? `${body.slice(0, max - 1)}…` : body;
}

function pick<T>(items: T[], n: number, random: () => number): T[] {
  return shuffle(items, random).slice(0, n);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** mulberry32 seeded from a hash of the key: the same session and checkpoint always give the same quiz. */
function seededRandom(key: string): () => number {
  let a = createHash('sha256').update(key).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
