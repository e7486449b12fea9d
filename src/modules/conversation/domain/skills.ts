/** The six skills every conversation is scored on. */
export const SKILL_AXES = [
  'empathy',
  'clarity',
  'activeListening',
  'adaptability',
  'positivity',
  'professionalism',
] as const;
export type SkillAxis = (typeof SKILL_AXES)[number];
export type SkillScores = Record<SkillAxis, number>;

/** JSON schema of a model's answer on the six axes: an integer 0-100 for each, nothing else. */
export const SKILL_SCORES_SCHEMA = {
  type: 'object',
  required: [...SKILL_AXES],
  additionalProperties: false,
  properties: Object.fromEntries(SKILL_AXES.map((a) => [a, { type: 'integer', minimum: 0, maximum: 100 }])),
};

/** The same values with their keys in axis order (JSONB keeps its own key order), so answers read alike. */
export function inAxisOrder<T>(byAxis: Record<SkillAxis, T>): Record<SkillAxis, T> {
  return Object.fromEntries(SKILL_AXES.map((a) => [a, byAxis[a]])) as Record<SkillAxis, T>;
}

export const SKILL_LABELS: Record<'ja' | 'en', Record<SkillAxis, string>> = {
  ja: {
    empathy: '共感力',
    clarity: '明確さ',
    activeListening: '傾聴力',
    adaptability: '適応力',
    positivity: '前向きさ',
    professionalism: 'プロフェッショナリズム',
  },
  en: {
    empathy: 'empathy',
    clarity: 'clarity',
    activeListening: 'active listening',
    adaptability: 'adaptability',
    positivity: 'positivity',
    professionalism: 'professionalism',
  },
};
