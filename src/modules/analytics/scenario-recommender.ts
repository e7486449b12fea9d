import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth';
import { DomainError } from '../../shared';
import type { SkillScores } from '../conversation';
import { ScenarioService, toScenarioSummary, type Category, type ScenarioSummaryDto } from '../scenario';
import { focusAxes } from './domain/coaching-text';
import { AXIS_CATEGORIES, pickScenarios } from './domain/scenario-picking';

const CANDIDATES_PER_CATEGORY = 20;
const STARTERS = 3;

/**
 * Chooses catalogue scenarios that train a learner's weakest axes. Only public, non-sensitive scenarios are
 * recommended (sensitive ones ask for consent, which a learner should give on their own initiative).
 */
@Injectable()
export class ScenarioRecommender {
  constructor(private readonly scenarios: ScenarioService) {}

  async recommend(
    userId: string,
    scores: SkillScores,
    locale: 'ja' | 'en',
    practised: string[],
  ): Promise<ScenarioSummaryDto[]> {
    const focus = focusAxes(scores);
    const categories = [...new Set(focus.flatMap((axis) => AXIS_CATEGORIES[axis]))];
    const byCategory = new Map<string, ScenarioSummaryDto[]>();
    for (const category of categories)
      byCategory.set(category, await this.candidates(userId, category, locale));
    return pickScenarios(focus, byCategory, new Set(practised));
  }

  /** For a learner with no analysis yet: a few beginner scenarios in their language. */
  async starters(principal: Principal, locale: 'ja' | 'en'): Promise<ScenarioSummaryDto[]> {
    const page = await this.scenarios.list(
      { difficulty: 'beginner', locale, page: 1, limit: CANDIDATES_PER_CATEGORY, offset: 0 },
      learnerReader(principal.userId),
    );
    return page.items.filter((s) => s.visibility === 'public' && !s.sensitive).slice(0, STARTERS);
  }

  /** The scenarios of `ids` the caller may still see, in order; deleted or hidden ones are left out. */
  async visible(ids: string[], principal: Principal): Promise<ScenarioSummaryDto[]> {
    const found = await Promise.all(
      ids.map((id) =>
        this.scenarios.get(id, principal).then(
          (s) => toScenarioSummary(s),
          (e: unknown) => {
            if (e instanceof DomainError && e.kind === 'not_found') return null;
            throw e;
          },
        ),
      ),
    );
    return found.filter((s): s is ScenarioSummaryDto => s !== null);
  }

  private async candidates(
    userId: string,
    category: Category,
    locale: 'ja' | 'en',
  ): Promise<ScenarioSummaryDto[]> {
    const page = await this.scenarios.list(
      { category, locale, page: 1, limit: CANDIDATES_PER_CATEGORY, offset: 0 },
      learnerReader(userId),
    );
    return page.items.filter((s) => s.visibility === 'public' && !s.sensitive);
  }
}

/**
 * The catalogue as the learner sees it, for work done on their behalf outside a request (a background
 * analysis). It carries the plainest role, so it never sees more than the learner could.
 */
function learnerReader(userId: string): Principal {
  return { userId, role: 'user', isAnonymous: false, tokenId: '', sessionId: '', tokenExpiresAt: 0 };
}
