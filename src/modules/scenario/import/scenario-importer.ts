import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { contentHash } from '../domain/content-hash';
import { ScenarioCache } from '../scenario-cache';
import { ScenarioStore, type SourceOutcome } from '../scenario.store';
import { readLegacyFile, type LegacyItem } from './legacy-format';

export type ImportOutcome = 'created' | 'updated' | 'skipped' | 'failed';

export interface ImportEntry {
  file: string;
  /** `legacy:<file>#<id>`; absent when the whole file could not be read. */
  key?: string;
  title?: string;
  outcome: ImportOutcome;
  reason?: string;
}

export interface ImportReport {
  dryRun: boolean;
  files: number;
  entries: ImportEntry[];
  counts: Record<ImportOutcome, number>;
}

const OUTCOME: Record<SourceOutcome, ImportOutcome> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'skipped',
};

/**
 * Imports a folder of scenario files in the original application's format (every *.yaml / *.yml, not recursive).
 * Each scenario is upserted on its own by its stable key; a bad file or item is reported and the rest go on.
 */
@Injectable()
export class ScenarioImporter {
  constructor(
    private readonly store: ScenarioStore,
    private readonly cache: ScenarioCache,
  ) {}

  async importDirectory(dir: string, { dryRun = false } = {}): Promise<ImportReport> {
    const files = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const entries: ImportEntry[] = [];
    for (const file of files) entries.push(...(await this.importFile(dir, file, dryRun)));
    const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, skipped: 0, failed: 0 };
    for (const e of entries) counts[e.outcome]++;
    if (!dryRun && (counts.created || counts.updated)) await this.cache.invalidate();
    return { dryRun, files: files.length, entries, counts };
  }

  private async importFile(dir: string, file: string, dryRun: boolean): Promise<ImportEntry[]> {
    let text: string;
    try {
      text = await readFile(join(dir, file), 'utf8');
    } catch (e) {
      return [{ file, outcome: 'failed', reason: `cannot read the file: ${(e as Error).message}` }];
    }
    const parsed = readLegacyFile(file, text);
    if (parsed.error !== undefined) return [{ file, outcome: 'failed', reason: parsed.error }];
    const entries: ImportEntry[] = [];
    for (const item of parsed.items) entries.push(await this.importItem(file, item, dryRun));
    return entries;
  }

  private async importItem(file: string, item: LegacyItem, dryRun: boolean): Promise<ImportEntry> {
    const entry = { file, key: item.key, title: item.title };
    if (!item.content) return { ...entry, outcome: 'failed', reason: item.error };
    const sourced = {
      source: 'import' as const,
      sourceKey: item.key,
      content: item.content,
      hash: contentHash(item.content),
    };
    try {
      const outcome = dryRun
        ? await this.store.plannedOutcome(sourced)
        : await this.store.applySourced(sourced);
      return { ...entry, outcome: OUTCOME[outcome] };
    } catch (e) {
      return { ...entry, outcome: 'failed', reason: `not saved: ${(e as Error).message}` };
    }
  }
}
