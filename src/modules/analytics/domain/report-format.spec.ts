import { csvCell, reportCsv, reportMarkdown, type ReportContent } from './report-format';

const report: ReportContent = {
  generatedAt: '2025-03-12T10:00:00.000Z',
  locale: 'en',
  totals: {
    conversations: 3,
    learnerMessages: 9,
    assessedConversations: 2,
    averageScores: null,
    firstConversationAt: '2025-03-01T09:00:00.000Z',
    lastConversationAt: '2025-03-10T09:00:00.000Z',
  },
  analysis: {
    id: 'a1',
    analyzedAt: '2025-03-11T10:00:00.000Z',
    basedOnConversations: 3,
    generatedBy: 'heuristic',
    model: null,
    feedback: 'Keep going, "really".',
  },
  scores: {
    empathy: 40,
    clarity: 80,
    activeListening: 35,
    adaptability: 60,
    positivity: 70,
    professionalism: 75,
  },
  strengths: [
    { axis: 'clarity', label: 'clarity', score: 80 },
    { axis: 'professionalism', label: 'professionalism', score: 75 },
    { axis: 'positivity', label: 'positivity', score: 70 },
  ],
  weaknesses: [
    { axis: 'activeListening', label: 'active listening', score: 35 },
    { axis: 'empathy', label: 'empathy', score: 40 },
    { axis: 'adaptability', label: 'adaptability', score: 60 },
  ],
  recommendations: [{ axis: 'activeListening', text: 'Repeat | the key point.' }],
  recommendedScenarios: [
    { id: 's1', slug: 'angry-client', title: '=Angry client', category: 'customer', difficulty: 'beginner' },
  ],
};

describe('report formats', () => {
  it('renders Markdown with every section and a score table', () => {
    const md = reportMarkdown(report);
    expect(md).toMatch(/^# Learning report/);
    for (const heading of [
      '## Totals',
      '## Scores by skill',
      '## Strengths',
      '## Areas to improve',
      '## Next steps',
      '## Recommended scenarios',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| active listening | 35 |');
    expect(md).toContain('- Conversations: 3');
    expect(md).toContain('Repeat \\| the key point.');
    expect(md).toContain('`angry-client`');
  });

  it('renders CSV rows of section,item,value,detail, quoting and neutralising cells', () => {
    const lines = reportCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,item,value,detail');
    expect(lines).toContain('total,conversations,3,');
    expect(lines).toContain('score,clarity,80,strength');
    expect(lines).toContain('score,empathy,40,weakness');
    expect(lines).toContain("scenario,angry-client,'=Angry client,customer");
    expect(lines).toContain('analysis,feedback,"Keep going, ""really"".",');
    expect(lines.filter((l) => l.startsWith('score,'))).toHaveLength(6);
  });

  it('keeps cells safe', () => {
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
});
