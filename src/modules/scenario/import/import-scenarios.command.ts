import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { ScenarioImporter, type ImportEntry, type ImportReport } from './scenario-importer';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'import-scenarios <dir> [--dry-run]';

/**
 * `import-scenarios <dir> [--dry-run]`: imports a folder of scenario files in the original application's format.
 * Prints one line per scenario and a total; exits 1 if anything failed, 2 on bad arguments.
 */
export const importScenariosCommand = {
  name: 'import-scenarios',
  usage: USAGE,
  description:
    "Import scenarios written in the original application's YAML format (upserts; --dry-run writes nothing).",
  async run(app: INestApplicationContext, args: string[], output: CommandOutput): Promise<number> {
    const dryRun = args.includes('--dry-run');
    const rest = args.filter((a) => a !== '--dry-run');
    if (rest.length !== 1 || rest[0].startsWith('-')) {
      output.err(`usage: ${USAGE}`);
      return 2;
    }
    const dir = resolve(rest[0]);
    let report: ImportReport;
    try {
      report = await app.get(ScenarioImporter).importDirectory(dir, { dryRun });
    } catch (e) {
      output.err(`Cannot import from ${dir}: ${(e as Error).message}`);
      return 1;
    }
    for (const entry of report.entries) output.out(formatEntry(entry, report.dryRun));
    output.out(formatTotals(report));
    return report.counts.failed > 0 ? 1 : 0;
  },
};

const DRY_RUN_WORDS: Record<ImportEntry['outcome'], string> = {
  created: 'would create',
  updated: 'would update',
  skipped: 'skipped',
  failed: 'failed',
};

function formatEntry(e: ImportEntry, dryRun = false): string {
  const where = e.key ? e.key.replace(/^legacy:/, '') : e.file;
  const what =
    e.outcome === 'failed' ? e.reason : e.outcome === 'skipped' ? `${e.title} (unchanged)` : e.title;
  const outcome = dryRun ? DRY_RUN_WORDS[e.outcome].padEnd(12) : e.outcome.padEnd(8);
  return `${outcome} ${where}  ${what ?? ''}`.trimEnd();
}

function formatTotals(r: ImportReport): string {
  const { created, updated, skipped, failed } = r.counts;
  const verb = r.dryRun ? 'would be ' : '';
  const scenarios =
    created + updated + skipped + r.entries.filter((e) => e.outcome === 'failed' && e.key).length;
  return (
    `${r.files} file(s), ${scenarios} scenario(s): ${created} ${verb}created, ${updated} ${verb}updated, ` +
    `${skipped} skipped (unchanged), ${failed} failed${r.dryRun ? ' (dry run: nothing was written)' : ''}`
  );
}
