import { SKILL_AXES, type SkillAxis, type SkillScores } from '../../conversation';

export interface AxisScore {
  axis: SkillAxis;
  score: number;
}

/** Axes from the highest score down; ties keep the fixed axis order, so the ranking is stable. */
export function rankAxes(scores: SkillScores): SkillAxis[] {
  return [...SKILL_AXES].sort(
    (a, b) => scores[b] - scores[a] || SKILL_AXES.indexOf(a) - SKILL_AXES.indexOf(b),
  );
}

export function topStrengths(scores: SkillScores, count = 3): AxisScore[] {
  return rankAxes(scores)
    .slice(0, count)
    .map((axis) => ({ axis, score: scores[axis] }));
}

/** The lowest scores first. */
export function weakestAxes(scores: SkillScores, count = 3): AxisScore[] {
  return rankAxes(scores)
    .reverse()
    .slice(0, count)
    .map((axis) => ({ axis, score: scores[axis] }));
}
