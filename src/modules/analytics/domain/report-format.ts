import { SKILL_AXES, SKILL_LABELS, type SkillAxis, type SkillScores } from '../../conversation';

export interface RatedAxis {
  axis: SkillAxis;
  label: string;
  score: number;
}

export interface ReportScenario {
  id: string;
  slug: string;
  title: string;
  category: string;
  difficulty: string;
}

/** The report in the shape every format renders. */
export interface ReportContent {
  generatedAt: string;
  locale: 'ja' | 'en';
  totals: {
    conversations: number;
    learnerMessages: number;
    assessedConversations: number;
    averageScores: SkillScores | null;
    firstConversationAt: string | null;
    lastConversationAt: string | null;
  };
  /** null before the learner's first analysis; scores, strengths and weaknesses are then empty too. */
  analysis: {
    id: string;
    analyzedAt: string;
    basedOnConversations: number;
    generatedBy: 'llm' | 'heuristic';
    model: string | null;
    feedback: string;
  } | null;
  scores: SkillScores | null;
  strengths: RatedAxis[];
  weaknesses: RatedAxis[];
  recommendations: Array<{ axis: SkillAxis; text: string }>;
  recommendedScenarios: ReportScenario[];
}

const HEADINGS = {
  ja: {
    title: '学習レポート',
    totals: '集計',
    conversations: '会話数',
    messages: 'あなたの発言数',
    assessed: 'フィードバック済みの会話',
    period: '期間',
    scores: 'スキル別スコア',
    skill: 'スキル',
    score: 'スコア',
    strengths: '強み',
    weaknesses: '伸びしろ',
    recommendations: '次の一歩',
    scenarios: 'おすすめのシナリオ',
    analysis: '分析',
    basedOn: (n: number) => `直近${n}件の会話に基づく`,
    none: 'なし',
    noAnalysis: 'まだ分析がありません。会話を終えるかフィードバックを受けると、分析が始まります。',
  },
  en: {
    title: 'Learning report',
    totals: 'Totals',
    conversations: 'Conversations',
    messages: 'Your messages',
    assessed: 'Conversations with feedback',
    period: 'Period',
    scores: 'Scores by skill',
    skill: 'Skill',
    score: 'Score',
    strengths: 'Strengths',
    weaknesses: 'Areas to improve',
    recommendations: 'Next steps',
    scenarios: 'Recommended scenarios',
    analysis: 'Analysis',
    basedOn: (n: number) => `based on your last ${n} conversation${n === 1 ? '' : 's'}`,
    none: 'none',
    noAnalysis: 'No analysis yet: it starts when you finish a conversation or ask for feedback.',
  },
} as const;

/** Markdown table cells may not break the table. */
const md = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function reportMarkdown(r: ReportContent): string {
  const h = HEADINGS[r.locale];
  const labels = SKILL_LABELS[r.locale];
  const lines: string[] = [`# ${h.title}`, '', `_${r.generatedAt}_`, '', `## ${h.totals}`, ''];
  lines.push(`- ${h.conversations}: ${r.totals.conversations}`);
  lines.push(`- ${h.messages}: ${r.totals.learnerMessages}`);
  lines.push(`- ${h.assessed}: ${r.totals.assessedConversations}`);
  if (r.totals.firstConversationAt && r.totals.lastConversationAt) {
    lines.push(
      `- ${h.period}: ${r.totals.firstConversationAt.slice(0, 10)} – ${r.totals.lastConversationAt.slice(0, 10)}`,
    );
  }
  const listOrNone = (items: string[]) => (items.length ? items : [`- ${h.none}`]);
  lines.push('', `## ${h.scores}`, '');
  const scores = r.scores;
  if (scores) {
    lines.push(`| ${h.skill} | ${h.score} |`, '|---|---:|');
    for (const axis of SKILL_AXES) lines.push(`| ${labels[axis]} | ${scores[axis]} |`);
  } else {
    lines.push(`- ${h.none}`);
  }
  lines.push('', `## ${h.strengths}`, '', ...listOrNone(r.strengths.map((s) => `- ${s.label}: ${s.score}`)));
  lines.push(
    '',
    `## ${h.weaknesses}`,
    '',
    ...listOrNone(r.weaknesses.map((s) => `- ${s.label}: ${s.score}`)),
  );
  lines.push(
    '',
    `## ${h.recommendations}`,
    '',
    ...listOrNone(r.recommendations.map((rec) => `- **${labels[rec.axis]}**: ${md(rec.text)}`)),
  );
  lines.push('', `## ${h.scenarios}`, '');
  if (r.recommendedScenarios.length) {
    lines.push(
      ...r.recommendedScenarios.map(
        (s) => `- ${md(s.title)} (\`${s.slug}\`, ${s.category}, ${s.difficulty})`,
      ),
    );
  } else {
    lines.push(`- ${h.none}`);
  }
  lines.push('', `## ${h.analysis}`, '');
  if (r.analysis) {
    lines.push(
      `${md(r.analysis.feedback)}`,
      '',
      `_${h.basedOn(r.analysis.basedOnConversations)}, ${r.analysis.analyzedAt}_`,
      '',
    );
  } else {
    lines.push(h.noAnalysis, '');
  }
  return lines.join('\n');
}

/** One CSV cell: quoted when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows of `section,item,value,detail`: total (name, number), score (axis, score, strength|weakness|empty),
 * recommendation (axis, next step), scenario (slug, title, category), analysis (field, value).
 */
export function reportCsv(r: ReportContent): string {
  const rows: Array<Array<string | number | null>> = [['section', 'item', 'value', 'detail']];
  rows.push(['total', 'conversations', r.totals.conversations, null]);
  rows.push(['total', 'learnerMessages', r.totals.learnerMessages, null]);
  rows.push(['total', 'assessedConversations', r.totals.assessedConversations, null]);
  const strong = new Set(r.strengths.map((s) => s.axis));
  const weak = new Set(r.weaknesses.map((s) => s.axis));
  for (const axis of SKILL_AXES) {
    rows.push([
      'score',
      axis,
      r.scores?.[axis] ?? null,
      strong.has(axis) ? 'strength' : weak.has(axis) ? 'weakness' : null,
    ]);
  }
  for (const rec of r.recommendations) rows.push(['recommendation', rec.axis, rec.text, null]);
  for (const s of r.recommendedScenarios) rows.push(['scenario', s.slug, s.title, s.category]);
  if (r.analysis) {
    rows.push(['analysis', 'analyzedAt', r.analysis.analyzedAt, null]);
    rows.push(['analysis', 'basedOnConversations', r.analysis.basedOnConversations, null]);
    rows.push(['analysis', 'feedback', r.analysis.feedback, null]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
