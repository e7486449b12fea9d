import { SKILL_LABELS, type SkillAxis, type SkillScores } from '../../conversation';
import { topStrengths, weakestAxes } from './axis-ranking';

type Locale = 'ja' | 'en';

/** One concrete thing to do next, per axis. */
export const NEXT_STEPS: Record<Locale, Record<SkillAxis, string>> = {
  ja: {
    empathy: '本題に入る前に「それは大変でしたね」など、相手の気持ちを一言受け止めましょう。',
    clarity: '「金曜17時までに初稿をお送りします」のように、期限・数量・次の一手を一文で伝えましょう。',
    activeListening: '返答の前に「〇〇ということですね」と要点をくり返し、質問を一つ加えましょう。',
    adaptability:
      '聞かれたことにまず直接答え、難しいときは「代わりに〜はいかがでしょうか」と代案を出しましょう。',
    positivity: '「〜であればできます」「ぜひ進めましょう」と、できることから話し始めましょう。',
    professionalism: '「恐れ入りますが」「お手数ですが」などのクッション言葉と丁寧語を基本にしましょう。',
  },
  en: {
    empathy:
      'Before moving to solutions, name how the other person feels in one sentence ("That sounds stressful").',
    clarity:
      'Put the what, when and how much in one sentence, e.g. "I will send the first draft by Friday 5 pm."',
    activeListening:
      'Before answering, repeat the key point back ("So the main concern is...") and ask one follow-up question.',
    adaptability:
      'Answer the question you were asked first; when you cannot agree, offer an alternative ("Instead, could we...").',
    positivity:
      'Start from what is possible ("I can do that if...", "Let\'s try...") rather than from what is not.',
    professionalism:
      'Keep a courteous register: "could you", "thank you", softening phrases, and no slang or all caps.',
  },
};

export interface CoachingInput {
  locale: Locale;
  scores: SkillScores;
  basedOnConversations: number;
  /** Titles of the recommended scenarios, in order. */
  scenarioTitles: string[];
}

/** The axes the next practice should focus on: the two weakest. */
export function focusAxes(scores: SkillScores): SkillAxis[] {
  return weakestAxes(scores, 2).map((w) => w.axis);
}

/** The feedback text of an analysis: strengths, two concrete next steps, and scenarios to practise with. */
export function coachingFeedback(input: CoachingInput): string {
  const { locale, scores, basedOnConversations: n } = input;
  const label = (axis: SkillAxis) => SKILL_LABELS[locale][axis];
  const strengths = topStrengths(scores);
  const focus = focusAxes(scores);
  if (locale === 'ja') {
    const strong = strengths.map((s) => `${label(s.axis)}（${s.score}点）`).join('、');
    const steps = focus
      .map((a, i) => `${i === 0 ? '次は' : '続いて'}${label(a)}（${scores[a]}点）：${NEXT_STEPS.ja[a]}`)
      .join('');
    const practice = input.scenarioTitles.length
      ? `おすすめのシナリオ：${input.scenarioTitles.map((t) => `「${t}」`).join('')}。`
      : '';
    return `直近${n}件の会話から見ると、強みは${strong}です。${steps}${practice}`;
  }
  const strong = strengths.map((s) => `${label(s.axis)} (${s.score})`);
  const strongText = `${strong.slice(0, -1).join(', ')} and ${strong[strong.length - 1]}`;
  const steps = focus
    .map((a, i) => `${i === 0 ? 'Next, work on' : 'Then'} ${label(a)} (${scores[a]}): ${NEXT_STEPS.en[a]}`)
    .join(' ');
  const practice = input.scenarioTitles.length
    ? ` Recommended practice: ${input.scenarioTitles.map((t) => `"${t}"`).join(', ')}.`
    : '';
  return `Based on your last ${n} conversation${n === 1 ? '' : 's'}, your strongest skills are ${strongText}. ${steps}${practice}`;
}
