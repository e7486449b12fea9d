import { Injectable } from '@nestjs/common';
import { CacheService } from '../../platform/cache/cache.service';
import type { Page } from '../../shared';
import { contentHash } from './domain/content-hash';
import type { ScenarioDto, ScenarioSummaryDto } from './dto/scenario.dto';
import type { ListScope, ScenarioFilter } from './scenario.store';

export const SCENARIO_CACHE = 'scenarios';

/**
 * Scenario reads through the shared cache. Any change drops the whole `scenarios` cache on every instance:
 * writes are rare, and a list page can hold any scenario, so finer invalidation would buy nothing.
 */
@Injectable()
export class ScenarioCache {
  constructor(private readonly cache: CacheService) {}

  /** A live scenario by id or slug; a miss is cached too (as null) until the next change. */
  detail(
    key: { id: string } | { slug: string },
    load: () => Promise<ScenarioDto | null>,
  ): Promise<ScenarioDto | null> {
    const name = 'id' in key ? `id:${key.id}` : `slug:${key.slug}`;
    return this.cache.wrap(SCENARIO_CACHE, `detail:${name}`, load);
  }

  /** A list page; lists of users without private scenarios share the `public` scope. */
  list(
    scope: ListScope,
    query: ScenarioFilter & { page: number; limit: number },
    load: () => Promise<Page<ScenarioSummaryDto>>,
  ): Promise<Page<ScenarioSummaryDto>> {
    const scopeKey = scope.kind === 'own' ? `own:${scope.userId}` : scope.kind;
    return this.cache.wrap(SCENARIO_CACHE, `list:${scopeKey}:${contentHash(query)}`, load);
  }

  ownsPrivate(userId: string, load: () => Promise<boolean>): Promise<boolean> {
    return this.cache.wrap(SCENARIO_CACHE, `owner:${userId}`, load);
  }

  invalidate(): Promise<void> {
    return this.cache.deleteByPrefix(SCENARIO_CACHE, '');
  }
}
