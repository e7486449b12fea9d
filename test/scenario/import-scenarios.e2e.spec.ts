import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { importScenariosCommand } from '../../src/modules/scenario';
import { startApp, type RunningApp } from '../helpers/app';
import { bearer, registerUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const FIXTURES = join(__dirname, '..', 'fixtures', 'scenarios');

describe('import-scenarios command (real PostgreSQL)', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let token: string;
  let workDir: string;

  async function runImport(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await importScenariosCommand.run(running.app, args, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out, err, totals: out.at(-1) ?? '' };
  }
  const countAll = async () => {
    const res = await request(running.url)
      .get('/api/v1/scenarios')
      .set('Authorization', bearer(token))
      .expect(200);
    return res.body.total as number;
  };
  const search = async (q: string) => {
    const res = await request(running.url)
      .get('/api/v1/scenarios')
      .query({ q, limit: 100 })
      .set('Authorization', bearer(token))
      .expect(200);
    return res.body.items as Record<string, unknown>[];
  };

  beforeAll(async () => {
    db = await createTestDatabase('scenario_import');
    running = await startApp({ DATABASE_URL: db.url });
    token = (await registerUser(running)).accessToken;
    workDir = mkdtempSync(join(tmpdir(), 'legacy-scenarios-'));
    cpSync(join(FIXTURES, 'legacy'), workDir, { recursive: true });
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    await running?.close();
    await db?.drop();
  });

  it('reports what a dry run would do and writes nothing', async () => {
    const before = await countAll();
    const result = await runImport(workDir, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.totals).toBe(
      '4 file(s), 5 scenario(s): 5 would be created, 0 would be updated, 0 skipped (unchanged), 0 failed (dry run: nothing was written)',
    );
    expect(result.out.filter((l) => l.startsWith('would create '))).toHaveLength(5);
    expect(await countAll()).toBe(before);
  });

  it('imports every shape: one-scenario files, a reverse-role file and a list file', async () => {
    const before = await countAll();
    const result = await runImport(workDir);
    expect(result.code).toBe(0);
    expect(result.out.slice(0, -1).sort()).toEqual([
      'created  harassment_cases.yaml#case_01  会議中の大声での叱責',
      'created  harassment_cases.yaml#case_02  相談窓口の使い方',
      'created  manager_followup.yaml#manager_followup  【上司役】体調不良が続く部下との面談',
      'created  scenario1.yaml#scenario1  会議室の予約が重なっていた',
      'created  scenario2.yaml#scenario2  Asking a client to confirm a changed order',
    ]);
    expect(await countAll()).toBe(before + 5);

    const [reverse] = await search('体調不良が続く部下');
    expect(reverse).toMatchObject({
      category: 'harassment-prevention',
      sensitive: true,
      roleType: 'reverse',
      difficulty: 'advanced',
      userRole: '係長',
      visibility: 'public',
      createdBy: null,
    });
    const [english] = await search('written confirmation');
    expect(english).toMatchObject({ locale: 'en', difficulty: 'intermediate', category: 'customer' });
    const detail = await request(running.url)
      .get(`/api/v1/scenarios/${encodeURIComponent(reverse.slug as string)}`)
      .set('Authorization', bearer(token))
      .expect(200);
    expect(detail.body.character).toMatchObject({ name: '小川さん', initialApproach: '' });
  });

  it('changes nothing when run again', async () => {
    const before = await countAll();
    const result = await runImport(workDir);
    expect(result.code).toBe(0);
    expect(result.totals).toBe(
      '4 file(s), 5 scenario(s): 0 created, 0 updated, 5 skipped (unchanged), 0 failed',
    );
    expect(result.out.filter((l) => l.startsWith('skipped'))).toHaveLength(5);
    expect(await countAll()).toBe(before);
  });

  it('updates the scenario whose file changed and skips the others', async () => {
    const file = join(workDir, 'scenario1.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('difficulty: 初級', 'difficulty: 中級'));
    const result = await runImport(workDir);
    expect(result.code).toBe(0);
    expect(result.out).toContain('updated  scenario1.yaml#scenario1  会議室の予約が重なっていた');
    expect(result.totals).toContain('0 created, 1 updated, 4 skipped');
    const [changed] = await search('会議室の予約が重なって');
    expect(changed.difficulty).toBe('intermediate');
  });

  it('reports each bad file with its reason, imports the rest, and exits non-zero', async () => {
    const result = await runImport(join(FIXTURES, 'legacy-broken'));
    expect(result.code).toBe(1);
    expect(result.out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^failed {3}bad_yaml\.yaml {2}not valid YAML: /),
        'failed   missing_title.yaml#missing_title  title is missing',
        expect.stringMatching(
          /^failed {3}unknown_difficulty\.yaml#unknown_difficulty {2}difficulty "ふつう" is not one/,
        ),
        'created  mixed_list.yaml#ok_01  週報の書き方を相談する',
        'failed   mixed_list.yaml#2  item 2 has no id',
      ]),
    );
    expect(result.totals).toBe(
      '4 file(s), 4 scenario(s): 1 created, 0 updated, 0 skipped (unchanged), 4 failed',
    );
    expect(await search('週報の書き方')).toHaveLength(1);
  });

  it('fails with a message when the folder does not exist', async () => {
    const result = await runImport(join(workDir, 'missing'));
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^Cannot import from .*missing: ENOENT/);
  });
});
