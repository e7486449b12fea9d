import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth';
import { ForbiddenError, NotFoundError, pageOf, type Page } from '../../shared';
import {
  canDeleteScenario,
  canPublishScenario,
  canSeeScenario,
  canUpdateScenario,
  moderatesScenarios,
} from './domain/access';
import { isSensitive, type ScenarioContent } from './domain/scenario-content';
import { isUuid, normalizeSlug } from './domain/slug';
import type { CreateScenarioDto } from './dto/create-scenario.dto';
import type { ListScenariosQuery } from './dto/list-scenarios.query';
import type { ScenarioDto, ScenarioSummaryDto } from './dto/scenario.dto';
import type { UpdateScenarioDto } from './dto/update-scenario.dto';
import { ScenarioCache } from './scenario-cache';
import type { ScenarioEntity } from './scenario.entity';
import { contentFromInput, toScenarioDto, toSummary } from './scenario.mapper';
import { ScenarioStore, type ListScope } from './scenario.store';

const notFound = () => new NotFoundError('Scenario');

/**
 * The scenario catalogue's use cases. Visibility: public scenarios for everyone, private ones for their creator,
 * everything for admins; anything a caller may not see answers 404, exactly like a missing scenario.
 */
@Injectable()
export class ScenarioService {
  constructor(
    private readonly store: ScenarioStore,
    private readonly cache: ScenarioCache,
  ) {}

  async list(query: ListScenariosQuery, principal: Principal): Promise<Page<ScenarioSummaryDto>> {
    const scope = await this.scopeFor(principal);
    const filter = {
      difficulty: query.difficulty,
      category: query.category,
      tag: query.tag,
      locale: query.locale,
      q: query.q,
    };
    return this.cache.list(scope, { ...filter, page: query.page, limit: query.limit }, async () => {
      const [rows, total] = await this.store.list(filter, scope, {
        offset: query.offset,
        limit: query.limit,
      });
      return pageOf(
        rows.map((r) => toSummary(toScenarioDto(r))),
        total,
        query,
      );
    });
  }

  async get(idOrSlug: string, principal: Principal): Promise<ScenarioDto> {
    const scenario = await this.findCached(idOrSlug);
    if (!scenario || !canSeeScenario(scenario, principal)) throw notFound();
    return scenario;
  }

  /**
   * The scenario a conversation is about to start from, under the same visibility rules as `get`.
   * Deleted scenarios are not startable; conversations already started keep their own snapshot.
   */
  getForConversation(idOrSlug: string, principal: Principal): Promise<ScenarioDto> {
    return this.get(idOrSlug, principal);
  }

  async create(input: CreateScenarioDto, principal: Principal): Promise<ScenarioDto> {
    const visibility = input.visibility ?? 'private';
    if (visibility === 'public' && !canPublishScenario(principal)) throw publishForbidden();
    const row = await this.store.createForUser(contentFromInput(input), {
      createdBy: principal.userId,
      visibility,
      slug: input.slug,
    });
    await this.cache.invalidate();
    return toScenarioDto(row);
  }

  async update(idOrSlug: string, patch: UpdateScenarioDto, principal: Principal): Promise<ScenarioDto> {
    const row = await this.findForChange(idOrSlug, principal);
    if (!canUpdateScenario(row, principal))
      throw new ForbiddenError('Only the creator or an admin may change this scenario.');
    if (patch.visibility === 'public' && !canPublishScenario(principal)) throw publishForbidden();
    const updated = await this.store.update(row, {
      content: mergeContent(row, patch),
      slug: patch.slug,
      visibility: patch.visibility,
    });
    await this.cache.invalidate();
    return toScenarioDto(updated);
  }

  async remove(idOrSlug: string, principal: Principal): Promise<void> {
    const row = await this.findForChange(idOrSlug, principal);
    if (!canDeleteScenario(row, principal))
      throw new ForbiddenError('Only the creator or an admin may delete this scenario.');
    await this.store.softDelete(row.id);
    await this.cache.invalidate();
  }

  private async scopeFor(principal: Principal): Promise<ListScope> {
    if (moderatesScenarios(principal)) return { kind: 'all' };
    const ownsPrivate = await this.cache.ownsPrivate(principal.userId, () =>
      this.store.ownsPrivate(principal.userId),
    );
    return ownsPrivate ? { kind: 'own', userId: principal.userId } : { kind: 'public' };
  }

  private findCached(idOrSlug: string): Promise<ScenarioDto | null> {
    const key = isUuid(idOrSlug) ? { id: idOrSlug.toLowerCase() } : { slug: normalizeSlug(idOrSlug) };
    return this.cache.detail(key, async () => {
      const row = await this.store.findLive(idOrSlug);
      return row ? toScenarioDto(row) : null;
    });
  }

  /** Changes always read the current row, never the cache. Invisible rows are 404; visible but not yours is 403. */
  private async findForChange(idOrSlug: string, principal: Principal): Promise<ScenarioEntity> {
    const row = await this.store.findLive(idOrSlug);
    if (!row || !canSeeScenario(row, principal)) throw notFound();
    return row;
  }
}

function publishForbidden(): ForbiddenError {
  return new ForbiddenError('Only admins may make a scenario public.');
}

function mergeContent(row: ScenarioEntity, patch: UpdateScenarioDto): ScenarioContent {
  const category = patch.category ?? row.category;
  return {
    title: patch.title ?? row.title,
    description: patch.description ?? row.description,
    difficulty: patch.difficulty ?? row.difficulty,
    category,
    tags: patch.tags ?? row.tags,
    locale: patch.locale ?? row.locale,
    sensitive: isSensitive(category, patch.sensitive ?? row.sensitive),
    roleType: patch.roleType ?? row.roleType,
    aiRole: patch.aiRole ?? row.aiRole,
    userRole: patch.userRole ?? row.userRole,
    character: { ...row.character, ...definedOnly(patch.character ?? {}) },
    learningPoints: patch.learningPoints ?? row.learningPoints,
    feedbackPoints: patch.feedbackPoints ?? row.feedbackPoints,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
