import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, QueryFailedError, Repository } from 'typeorm';
import { ConflictError } from '../../shared';
import type { Category, Difficulty, Locale, ScenarioContent, Visibility } from './domain/scenario-content';
import { containsPattern } from './domain/search-pattern';
import { isUuid, normalizeSlug, slugify, withSuffix } from './domain/slug';
import { ScenarioEntity } from './scenario.entity';

export interface ScenarioFilter {
  difficulty?: Difficulty;
  category?: Category;
  tag?: string;
  locale?: Locale;
  q?: string;
}

/** Which rows a list may show: everything (admins), public ones, or public ones plus one user's private ones. */
export type ListScope = { kind: 'all' } | { kind: 'public' } | { kind: 'own'; userId: string };

/** A scenario that comes from a file: the built-in library or an operator import. */
export interface SourcedScenario {
  source: 'builtin' | 'import';
  sourceKey: string;
  /** The wanted slug; generated from the title when absent. */
  slug?: string;
  content: ScenarioContent;
  hash: string;
}
export type SourceOutcome = 'created' | 'updated' | 'unchanged';

export interface ScenarioChanges {
  content: ScenarioContent;
  slug?: string;
  visibility?: Visibility;
}

// Serializes every slug allocation (API, seed, import), so two writers never pick the same free slug.
// Any constant works; it only has to differ from the other advisory locks of the service.
const SLUG_LOCK_KEY = 7_241_003_211;
const SLUG_CANDIDATES_PER_QUERY = 20;
const DIFFICULTY_ORDER = `CASE s.difficulty WHEN 'beginner' THEN 1 WHEN 'intermediate' THEN 2 ELSE 3 END`;

/** Reads and writes `scenarios`; soft-deleted rows are invisible to every read here except the source bookkeeping. */
@Injectable()
export class ScenarioStore {
  constructor(
    @InjectRepository(ScenarioEntity) private readonly repo: Repository<ScenarioEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A live (not deleted) scenario by id, or by slug for anything that is not a UUID. */
  async findLive(idOrSlug: string): Promise<ScenarioEntity | null> {
    const key = isUuid(idOrSlug) ? { id: idOrSlug.toLowerCase() } : { slug: normalizeSlug(idOrSlug) };
    return this.repo.findOne({ where: { ...key, deletedAt: IsNull() } });
  }

  /** One page of live scenarios, ordered beginner first, then by title; `total` counts every match. */
  async list(
    filter: ScenarioFilter,
    scope: ListScope,
    page: { offset: number; limit: number },
  ): Promise<[ScenarioEntity[], number]> {
    const qb = this.repo.createQueryBuilder('s').where('s.deletedAt IS NULL');
    if (scope.kind === 'public') qb.andWhere(`s.visibility = 'public'`);
    if (scope.kind === 'own') {
      qb.andWhere(`(s.visibility = 'public' OR s.createdBy = :userId)`, { userId: scope.userId });
    }
    if (filter.difficulty) qb.andWhere('s.difficulty = :difficulty', { difficulty: filter.difficulty });
    if (filter.category) qb.andWhere('s.category = :category', { category: filter.category });
    if (filter.locale) qb.andWhere('s.locale = :locale', { locale: filter.locale });
    if (filter.tag) qb.andWhere('s.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    if (filter.q) {
      qb.andWhere(`s.search_text ILIKE :pattern ESCAPE '\\'`, { pattern: containsPattern(filter.q) });
    }
    return qb
      .orderBy(DIFFICULTY_ORDER, 'ASC')
      .addOrderBy('s.title', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
  }

  /** Whether the user owns a live private scenario (then their lists differ from everyone else's). */
  async ownsPrivate(userId: string): Promise<boolean> {
    return this.repo.exists({ where: { createdBy: userId, visibility: 'private', deletedAt: IsNull() } });
  }

  async createForUser(
    content: ScenarioContent,
    owner: { createdBy: string; visibility: Visibility; slug?: string },
  ): Promise<ScenarioEntity> {
    return this.dataSource.transaction(async (m) => {
      await lockSlugs(m);
      const slug = owner.slug
        ? await requireFreeSlug(m, owner.slug)
        : await freeSlug(m, slugify(content.title));
      return insert(m, {
        ...content,
        slug,
        visibility: owner.visibility,
        createdBy: owner.createdBy,
        source: 'user',
        sourceKey: null,
        contentHash: null,
      });
    });
  }

  async update(row: ScenarioEntity, changes: ScenarioChanges): Promise<ScenarioEntity> {
    return this.dataSource.transaction(async (m) => {
      const slugChanges = changes.slug !== undefined && changes.slug !== row.slug;
      if (slugChanges) {
        await lockSlugs(m);
        await requireFreeSlug(m, changes.slug!);
      }
      await m
        .update(
          ScenarioEntity,
          { id: row.id },
          {
            ...changes.content,
            ...(slugChanges ? { slug: changes.slug } : {}),
            ...(changes.visibility ? { visibility: changes.visibility } : {}),
          },
        )
        .catch(slugConflict);
      return m.findOneByOrFail(ScenarioEntity, { id: row.id });
    });
  }

  async softDelete(id: string): Promise<void> {
    await this.repo.update({ id, deletedAt: IsNull() }, { deletedAt: () => 'now()' });
  }

  /**
   * Removes a deleted account's scenarios within the account-deletion transaction: its private ones go for good;
   * public ones (published by an admin) stay in the catalogue without a creator.
   */
  async forgetCreator(userId: string, m: EntityManager): Promise<void> {
    await m.delete(ScenarioEntity, { createdBy: userId, visibility: 'private' });
    await m.update(ScenarioEntity, { createdBy: userId }, { createdBy: null });
  }

  /** Content hash of every row of a source, by source key (deleted rows included: they are not re-created). */
  async sourceHashes(source: SourcedScenario['source']): Promise<Map<string, string | null>> {
    const rows = await this.repo.find({ where: { source }, select: { sourceKey: true, contentHash: true } });
    return new Map(rows.map((r) => [r.sourceKey!, r.contentHash]));
  }

  /** What applySourced would do, without writing. */
  async plannedOutcome(item: SourcedScenario): Promise<SourceOutcome> {
    const row = await this.repo.findOne({
      where: { sourceKey: item.sourceKey },
      select: { id: true, contentHash: true },
    });
    return !row ? 'created' : row.contentHash === item.hash ? 'unchanged' : 'updated';
  }

  /**
   * Upserts a file-backed scenario by its source key: inserts it (public, no creator), rewrites it when its
   * source changed, leaves it alone otherwise. A row deleted through the API stays deleted.
   */
  async applySourced(item: SourcedScenario): Promise<SourceOutcome> {
    return this.dataSource.transaction(async (m) => {
      await lockSlugs(m);
      const row = await m.findOne(ScenarioEntity, { where: { sourceKey: item.sourceKey } });
      if (row?.contentHash === item.hash) return 'unchanged';
      if (row) {
        const slug =
          item.slug && item.slug !== row.slug && (await isFree(m, item.slug)) ? item.slug : row.slug;
        await m.update(ScenarioEntity, { id: row.id }, { ...item.content, slug, contentHash: item.hash });
        return 'updated';
      }
      await insert(m, {
        ...item.content,
        slug: await freeSlug(m, item.slug ?? slugify(item.content.title)),
        visibility: 'public',
        createdBy: null,
        source: item.source,
        sourceKey: item.sourceKey,
        contentHash: item.hash,
      });
      return 'created';
    });
  }
}

type NewRow = Omit<ScenarioEntity, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

async function insert(m: EntityManager, row: NewRow): Promise<ScenarioEntity> {
  const result = await m.insert(ScenarioEntity, row).catch(slugConflict);
  const id = (result.identifiers[0] as { id: string }).id;
  return m.findOneByOrFail(ScenarioEntity, { id });
}

async function lockSlugs(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [SLUG_LOCK_KEY]);
}

async function isFree(m: EntityManager, slug: string): Promise<boolean> {
  return !(await m.exists(ScenarioEntity, { where: { slug } }));
}

async function requireFreeSlug(m: EntityManager, slug: string): Promise<string> {
  if (!(await isFree(m, slug))) throw slugTaken();
  return slug;
}

/** `base`, or the first of `base-2`, `base-3`, ... that no row (deleted ones included) holds. */
async function freeSlug(m: EntityManager, base: string): Promise<string> {
  for (let start = 1; ; start += SLUG_CANDIDATES_PER_QUERY) {
    const candidates = Array.from({ length: SLUG_CANDIDATES_PER_QUERY }, (_, i) =>
      start + i === 1 ? base : withSuffix(base, start + i),
    );
    const rows: { slug: string }[] = await m.query('SELECT slug FROM scenarios WHERE slug = ANY($1)', [
      candidates,
    ]);
    const taken = new Set(rows.map((r) => r.slug));
    const free = candidates.find((c) => !taken.has(c));
    if (free) return free;
  }
}

function slugTaken(): ConflictError {
  return new ConflictError('SLUG_TAKEN', 'Another scenario already uses this slug.');
}

/** The advisory lock makes this unreachable for our own writers; it still maps a race with any other writer. */
function slugConflict(e: unknown): never {
  const driver =
    e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  if (driver?.code === '23505' && driver.constraint === 'scenarios_slug_key') throw slugTaken();
  throw e;
}
