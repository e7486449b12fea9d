import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { contentHash } from '../domain/content-hash';
import { ScenarioCache } from '../scenario-cache';
import { ScenarioStore, type SourceOutcome } from '../scenario.store';
import { loadLibrary, resolveLibraryDir, type LibraryScenario } from './library-files';

export type SeedCounts = Record<SourceOutcome, number>;

/**
 * Loads the built-in library into the database at every start, after migrations. Idempotent: rows are keyed by
 * `builtin:<file name>`, unchanged files cost one read, edited files update their row, and instances that boot
 * together serialize on the slug lock. Removing a file does not delete its scenario (delete it through the API).
 */
@Injectable()
export class LibrarySeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('ScenarioLibrary');

  constructor(
    private readonly store: ScenarioStore,
    private readonly cache: ScenarioCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const counts = await this.seed(loadLibrary(resolveLibraryDir()));
    if (counts.created || counts.updated) {
      this.logger.log(
        `Scenario library: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
      );
    }
  }

  async seed(scenarios: LibraryScenario[]): Promise<SeedCounts> {
    const counts: SeedCounts = { created: 0, updated: 0, unchanged: 0 };
    const known = await this.store.sourceHashes('builtin');
    for (const { name, slug, content } of scenarios) {
      const sourceKey = `builtin:${name}`;
      const hash = contentHash({ slug, content });
      const outcome =
        known.get(sourceKey) === hash
          ? 'unchanged'
          : await this.store.applySourced({ source: 'builtin', sourceKey, slug, content, hash });
      counts[outcome]++;
    }
    if (counts.created || counts.updated) await this.cache.invalidate();
    return counts;
  }
}
