import type { LlmMessage } from '../../../../platform/llm';
import type { Locale } from '../../domain/personas';
import type { TranscriptEntry } from './transcript';

/** A quiz comes after every this many AI turns. */
export const QUIZ_EVERY_TURNS = 5;

export interface QuizDraft {
  question: string;
  choices: string[];
  correctChoice: number;
  explanation: string;
}

/** What the model must answer (checked with ajv before use). */
export const QUIZ_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['question', 'choices', 'correctChoice', 'explanation'],
  properties: {
    question: { type: 'string', minLength: 5, maxLength: 400 },
    choices: {
      type: 'array',
      minItems: 3,
      maxItems: 4,
      items: { type: 'string', minLength: 1, maxLength: 300 },
    },
    correctChoice: { type: 'integer', minimum: 0, maximum: 3 },
    explanation: { type: 'string', minLength: 5, maxLength: 800 },
  },
} as const;

/** What the schema cannot say: the correct index exists and the choices are distinct. */
export function isUsableQuiz(q: QuizDraft): boolean {
  const keys = q.choices.map((c) => c.trim().toLowerCase());
  return q.correctChoice < q.choices.length && keys.every(Boolean) && new Set(keys).size === keys.length;
}

export function isQuizCheckpoint(turn: number): boolean {
  return turn > 0 && turn % QUIZ_EVERY_TURNS === 0;
}

/** The lines a quiz after `afterTurn` is about: the AI turns since the previous quiz and the learner lines among them. */
export function quizWindow(entries: TranscriptEntry[], afterTurn: number): TranscriptEntry[] {
  const from = afterTurn - QUIZ_EVERY_TURNS;
  const window: TranscriptEntry[] = [];
  let seen = 0;
  for (const e of entries) {
    if (e.turn !== null) {
      seen = e.turn;
      if (e.turn > from && e.turn <= afterTurn) window.push(e);
    } else if (seen >= from && seen < afterTurn) {
      window.push(e);
    }
  }
  return window;
}

/** The request for a model-written quiz: instructions, then the lines to ask about. */
export function quizPrompt(locale: Locale, theme: string, window: TranscriptEntry[]): LlmMessage[] {
  const transcript = window.map((e) => `${e.speaker}: ${e.content}`).join('\n');
  const instruction =
    locale === 'ja'
      ? [
          '職場コミュニケーションを学ぶ学習者が、同僚どうしの会話を見ていました。',
          `話題は「${theme}」です。下の会話について、日本語で4択（または3択）の問題を1問作ってください。`,
          '問うのは「会話のなかで良かった動き」か「次に何と言うのが適切か」のどちらかです。正解はちょうど1つにし、',
          '不正解の選択肢も会話に関係のある、ありそうなものにしてください。correctChoice は0始まりの番号、',
          'explanation は正解の理由を1〜2文で説明します。',
        ].join('')
      : [
          'A learner of workplace communication has been watching two colleagues talk ',
          `about ${theme}. Write one multiple-choice question in English, with 4 (or 3) choices, about the conversation below. `,
          'Ask either what was a good communication move in it or what would be a good thing to say next. Exactly one ',
          'choice is correct; the wrong ones should be plausible and related to the conversation. correctChoice is the ',
          '0-based index of the correct choice; explanation says why in 1-2 sentences.',
        ].join('');
  return [
    { role: 'system', content: instruction },
    { role: 'user', content: transcript },
  ];
}
