import type { INestApplicationContext } from '@nestjs/common';
import { importScenariosCommand } from './import-scenarios.command';
import { ScenarioImporter, type ImportReport } from './scenario-importer';

function run(args: string[], report?: ImportReport | Error) {
  const lines = { out: [] as string[], err: [] as string[] };
  const calls: { dir: string; dryRun: boolean }[] = [];
  const importer = {
    importDirectory: async (dir: string, options: { dryRun: boolean }) => {
      calls.push({ dir, dryRun: options.dryRun });
      if (report instanceof Error) throw report;
      return report!;
    },
  };
  const app = {
    get: (token: unknown) => {
      if (token !== ScenarioImporter) throw new Error('unexpected provider');
      return importer;
    },
  } as unknown as INestApplicationContext;
  const output = { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) };
  return importScenariosCommand.run(app, args, output).then((code) => ({ code, lines, calls }));
}

const report = (overrides: Partial<ImportReport> = {}): ImportReport => ({
  dryRun: false,
  files: 2,
  entries: [
    { file: 'a.yaml', key: 'legacy:a.yaml#a', title: 'A', outcome: 'created' },
    { file: 'b.yaml', key: 'legacy:b.yaml#b1', title: 'B1', outcome: 'skipped' },
  ],
  counts: { created: 1, updated: 0, skipped: 1, failed: 0 },
  ...overrides,
});

describe('import-scenarios command', () => {
  it('prints one line per scenario and the totals, and exits 0 when nothing failed', async () => {
    const { code, lines, calls } = await run(['/data/scenarios'], report());
    expect(code).toBe(0);
    expect(calls).toEqual([{ dir: '/data/scenarios', dryRun: false }]);
    expect(lines.out).toEqual([
      'created  a.yaml#a  A',
      'skipped  b.yaml#b1  B1 (unchanged)',
      '2 file(s), 2 scenario(s): 1 created, 0 updated, 1 skipped (unchanged), 0 failed',
    ]);
  });

  it('exits 1 when anything failed and prints the reason', async () => {
    const failed = report({
      entries: [
        { file: 'a.yaml', key: 'legacy:a.yaml#a', title: 'A', outcome: 'created' },
        { file: 'bad.yaml', outcome: 'failed', reason: 'not valid YAML: oops' },
      ],
      counts: { created: 1, updated: 0, skipped: 0, failed: 1 },
    });
    const { code, lines } = await run(['dir'], failed);
    expect(code).toBe(1);
    expect(lines.out).toContain('failed   bad.yaml  not valid YAML: oops');
  });

  it('passes --dry-run on and says that nothing was written', async () => {
    const { code, lines, calls } = await run(['--dry-run', '/x'], report({ dryRun: true }));
    expect(code).toBe(0);
    expect(calls[0].dryRun).toBe(true);
    expect(lines.out.slice(0, -1)).toEqual([
      'would create a.yaml#a  A',
      'skipped      b.yaml#b1  B1 (unchanged)',
    ]);
    expect(lines.out.at(-1)).toBe(
      '2 file(s), 2 scenario(s): 1 would be created, 0 would be updated, 1 skipped (unchanged), 0 failed (dry run: nothing was written)',
    );
  });

  it('exits 2 with the usage on bad arguments, without importing', async () => {
    for (const args of [[], ['a', 'b'], ['--force']]) {
      const { code, lines, calls } = await run(args, report());
      expect(code).toBe(2);
      expect(lines.err).toEqual(['usage: import-scenarios <dir> [--dry-run]']);
      expect(calls).toEqual([]);
    }
  });

  it('exits 1 when the folder cannot be read', async () => {
    const { code, lines } = await run(
      ['/missing'],
      new Error("ENOENT: no such file or directory, scandir '/missing'"),
    );
    expect(code).toBe(1);
    expect(lines.err[0]).toMatch(/^Cannot import from \/missing: ENOENT/);
  });
});
