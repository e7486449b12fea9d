import type { SkillScores } from '../../conversation';
import { coachingFeedback, focusAxes, NEXT_STEPS } from './coaching-text';

const scores: SkillScores = {
  empathy: 40,
  clarity: 80,
  activeListening: 35,
  adaptability: 60,
  positivity: 70,
  professionalism: 75,
};

describe('coachingFeedback', () => {
  it('names the strengths, two concrete next steps for the weakest axes, and the scenarios', () => {
    expect(focusAxes(scores)).toEqual(['activeListening', 'empathy']);
    const text = coachingFeedback({
      locale: 'en',
      scores,
      basedOnConversations: 4,
      scenarioTitles: ['Vague request', 'Angry client'],
    });
    expect(text).toContain('last 4 conversations');
    expect(text).toContain('clarity (80), professionalism (75) and positivity (70)');
    expect(text).toContain(`Next, work on active listening (35): ${NEXT_STEPS.en.activeListening}`);
    expect(text).toContain(`Then empathy (40): ${NEXT_STEPS.en.empathy}`);
    expect(text).toContain('Recommended practice: "Vague request", "Angry client".');
  });

  it('writes Japanese for Japanese learners and leaves out an empty recommendation', () => {
    const text = coachingFeedback({ locale: 'ja', scores, basedOnConversations: 1, scenarioTitles: [] });
    expect(text).toContain('直近1件の会話');
    expect(text).toContain('明確さ（80点）');
    expect(text).toContain(NEXT_STEPS.ja.activeListening);
    expect(text).not.toContain('おすすめ');
  });
});
