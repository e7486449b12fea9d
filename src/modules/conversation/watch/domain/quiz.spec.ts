import { JsonAnswers } from '../../../../platform/llm/json-answer';
import { offlineQuiz } from './offline-quiz';
import { isQuizCheckpoint, isUsableQuiz, QUIZ_SCHEMA, quizWindow } from './quiz';
import type { TranscriptEntry } from './transcript';

const EN_LINES = [
  'Could we talk about the kickoff for a moment?',
  'Sure. I think we should share the goal up front.',
  'Good point, Ryan. What would you put on the first slide?',
  'The goal and the deadline, nothing else.',
  'That worked for us on the last project, actually.',
  'Then I will draft it today.',
  'Great, send it to me when it is ready.',
  'Will do. Should we invite the client?',
  'Not yet, let us agree internally first.',
  'Fair enough, I will keep it internal.',
];
const JA_LINES = [
  '「会議を短くする工夫」の件、少し話しませんか。',
  'いいですね。私は、最初に目的を共有するのがいいと思います。',
  '小林さん、それは賛成です。議題はいくつくらいがいいと思いますか。',
  '三つまでにしたいですね。',
  '前のプロジェクトでは、それでうまくいきました。',
];

const entriesOf = (lines: string[]): TranscriptEntry[] =>
  lines.map((content, i) => ({
    id: `m${i + 1}`,
    by: (i % 2) as 0 | 1,
    speaker: i % 2 ? 'Ryan' : 'Emma',
    content,
    turn: i + 1,
  }));

describe('quiz checkpoints', () => {
  it('comes after every fifth turn', () => {
    expect([1, 4, 5, 9, 10, 15].map(isQuizCheckpoint)).toEqual([false, false, true, false, true, true]);
  });

  it('asks about the turns since the previous quiz, with the learner lines among them', () => {
    const entries = entriesOf(EN_LINES);
    entries.splice(6, 0, { id: 'l1', by: 'learner', speaker: 'Kim', content: 'Can I help?', turn: null });
    expect(quizWindow(entries, 5).map((e) => e.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(quizWindow(entries, 10).map((e) => e.id)).toEqual(['m6', 'l1', 'm7', 'm8', 'm9', 'm10']);
  });
});

describe('offline quiz', () => {
  const json = new JsonAnswers();
  const names = ['Emma', 'Ryan', 'Kim'];

  it('writes valid, deterministic 3–4 choice questions with one correct answer, in both languages', () => {
    const entries = entriesOf(EN_LINES);
    for (const afterTurn of [5, 10]) {
      const input = {
        locale: 'en' as const,
        afterTurn,
        window: quizWindow(entries, afterTurn),
        names,
        seed: 's1',
      };
      const quiz = offlineQuiz(input);
      expect(json.check(QUIZ_SCHEMA, quiz).ok).toBe(true);
      expect(isUsableQuiz(quiz)).toBe(true);
      expect(offlineQuiz(input)).toEqual(quiz);
    }
    const ja = offlineQuiz({
      locale: 'ja',
      afterTurn: 5,
      window: entriesOf(JA_LINES),
      names: ['中村', '小林'],
      seed: 's1',
    });
    expect(json.check(QUIZ_SCHEMA, ja).ok).toBe(true);
    expect(ja.question).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('grounds the correct answer in what was actually said', () => {
    const window = quizWindow(entriesOf(EN_LINES), 5);
    const goodMove = offlineQuiz({ locale: 'en', afterTurn: 5, window, names, seed: 'x' });
    expect(goodMove.question).toMatch(/do well/);
    expect(goodMove.choices[goodMove.correctChoice]).toContain('What would you put on the first slide?');

    const nextLine = offlineQuiz({
      locale: 'en',
      afterTurn: 10,
      window: quizWindow(entriesOf(EN_LINES), 10),
      names,
      seed: 'x',
    });
    expect(nextLine.question).toContain('I will keep it internal');
    expect(nextLine.choices[nextLine.correctChoice]).toMatch(/good point, Ryan/i);

    const third = entriesOf([...EN_LINES, ...EN_LINES.map((l) => `${l} Really.`)]);
    const whoSaid = offlineQuiz({
      locale: 'en',
      afterTurn: 15,
      window: quizWindow(third, 15),
      names,
      seed: 'x',
    });
    expect(whoSaid.question).toMatch(/^Who said/);
    const quoted = /"(.+)"/.exec(whoSaid.question)?.[1] ?? '';
    const speaker = quizWindow(third, 15).find((e) => e.content.includes(quoted.replace(/…$/, '')))?.speaker;
    expect(whoSaid.choices[whoSaid.correctChoice]).toBe(speaker);
  });

  it('rejects a model quiz whose answer index or choices do not hold together', () => {
    expect(
      isUsableQuiz({ question: 'Q?', choices: ['a', 'b', 'c'], correctChoice: 3, explanation: 'e' }),
    ).toBe(false);
    expect(
      isUsableQuiz({ question: 'Q?', choices: ['a', 'A', 'c'], correctChoice: 0, explanation: 'e' }),
    ).toBe(false);
    expect(
      isUsableQuiz({ question: 'Q?', choices: ['a', 'b', 'c'], correctChoice: 2, explanation: 'e' }),
    ).toBe(true);
  });
});
