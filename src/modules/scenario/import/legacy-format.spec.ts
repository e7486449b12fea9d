import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLegacyFile, type LegacyItem } from './legacy-format';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'scenarios');
const read = (dir: string, file: string) =>
  readLegacyFile(file, readFileSync(join(FIXTURES, dir, file), 'utf8'));
const items = (dir: string, file: string): LegacyItem[] => {
  const parsed = read(dir, file);
  if (!parsed.items) throw new Error(parsed.error);
  return parsed.items;
};

describe('reading legacy scenario files', () => {
  it('reads a one-scenario file, keyed by its file name', () => {
    const [item] = items('legacy', 'scenario1.yaml');
    expect(item.key).toBe('legacy:scenario1.yaml#scenario1');
    expect(item.content).toEqual({
      title: '会議室の予約が重なっていた',
      description:
        '来客との打ち合わせ用に予約したはずの会議室が、別の部署の予約と重なっていたことに気づいた場面です。',
      difficulty: 'beginner',
      category: 'reporting',
      tags: ['報告・連絡・相談', '調整'],
      locale: 'ja',
      sensitive: false,
      roleType: 'standard',
      aiRole: '総務の担当者',
      userRole: '新人営業',
      character: {
        personality: '几帳面で規則を大切にする30代の総務担当。',
        speakingStyle: '「確認しますね」「規則ではこうなっています」と事務的だが丁寧。',
        situation: '来客の15分前、受付近くの総務カウンター。',
        initialApproach: 'はい、総務です。会議室の件でしょうか？',
      },
      learningPoints: ['状況を簡潔に説明する', '代わりの案を自分から出す'],
      feedbackPoints: ['説明の簡潔さ', '代案の具体性'],
    });
  });

  it('reads English difficulty words and English text', () => {
    const [item] = items('legacy', 'scenario2.yaml');
    expect(item.content).toMatchObject({
      difficulty: 'intermediate',
      locale: 'en',
      category: 'customer',
      aiRole: "client's buyer",
      userRole: 'account manager',
    });
  });

  it('reads a reverse-role file: explicit roles, the persona name, harassment material flagged sensitive', () => {
    const [item] = items('legacy', 'manager_followup.yaml');
    expect(item.content).toMatchObject({
      difficulty: 'advanced',
      category: 'harassment-prevention',
      sensitive: true,
      roleType: 'reverse',
      aiRole: '部下（入社2年目）',
      userRole: '係長',
      character: {
        name: '小川さん',
        personality: 'まじめだが睡眠不足が続いている',
        situation: '月曜朝、会議室で二人',
        initialApproach: '',
      },
      learningPoints: ['責めずに事実を確認する', '支援の選択肢を示す'],
    });
  });

  it('reads every item of a list file, keyed by its id', () => {
    const list = items('legacy', 'harassment_cases.yaml');
    expect(list.map((i) => i.key)).toEqual([
      'legacy:harassment_cases.yaml#case_01',
      'legacy:harassment_cases.yaml#case_02',
    ]);
    expect(list[0].content).toMatchObject({
      difficulty: 'advanced',
      category: 'harassment-prevention',
      sensitive: true,
      roleType: 'reverse',
      aiRole: '報告が遅れた部下（20代）',
      userRole: '課長（40代）',
      character: {
        personality: '報告が遅れた部下（20代）',
        speakingStyle: '',
        situation:
          '週次会議で、部下の報告が3回続けて遅れていることがわかりました。\n感情的にならずに話してください。',
        initialApproach: '',
      },
    });
    expect(list[1].content).toMatchObject({ difficulty: 'beginner', roleType: 'standard', sensitive: true });
  });

  it('explains why a file or an item cannot be read', () => {
    expect(read('legacy-broken', 'bad_yaml.yaml').error).toMatch(/^not valid YAML: /);
    expect(items('legacy-broken', 'missing_title.yaml')[0].error).toBe('title is missing');
    expect(items('legacy-broken', 'unknown_difficulty.yaml')[0].error).toMatch(
      /^difficulty "ふつう" is not one of/,
    );
    const mixed = items('legacy-broken', 'mixed_list.yaml');
    expect(mixed[0].content?.title).toBe('週報の書き方を相談する');
    expect(mixed[1]).toMatchObject({ error: 'item 2 has no id' });
  });

  it('refuses other top-level shapes and repeated ids', () => {
    expect(readLegacyFile('a.yaml', '- just\n- a list\n').error).toMatch(/top level/);
    expect(readLegacyFile('a.yaml', 'scenarios: nope\n').error).toBe('`scenarios` must be a list');
    const repeated = readLegacyFile('a.yaml', 'scenarios:\n  - id: x\n  - id: x\n').items!;
    expect(repeated[1].error).toBe('id "x" appears more than once');
  });

  it('requires roles, learning points and feedback points', () => {
    const base = 'title: t\ndescription: d\ndifficulty: 初級\n';
    expect(readLegacyFile('a.yaml', base).items![0].error).toBe(
      'role_info (or ai_role and user_role) is missing',
    );
    expect(readLegacyFile('a.yaml', `${base}role_info: 上司と部下\n`).items![0].error).toContain(
      'does not read',
    );
    const roles = `${base}role_info: AIは上司役、あなたは部下\n`;
    expect(readLegacyFile('a.yaml', roles).items![0].error).toBe('learning_points must be a non-empty list');
    expect(readLegacyFile('a.yaml', `${roles}learning_points: [a]\n`).items![0].error).toBe(
      'feedback_points must be a non-empty list',
    );
  });
});
