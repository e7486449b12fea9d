import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, QueryRunner, Repository } from 'typeorm';
import { CacheService } from '../../platform/cache/cache.service';
import { DomainError } from '../../shared';
import { toStrengthAnalysisView, type StrengthAnalysisView } from './dto/strength-analysis.view';
import { StrengthAnalysisEntity } from './entities/strength-analysis.entity';

const CACHE = 'analytics';
/** Analyses change only when a new one is stored, which overwrites the cached copy. */
const CACHE_TTL_SECONDS = 7 * 86400;
/** First key of the per-learner advisory lock; it only has to differ from the other locks of the service. */
const LOCK_SPACE = 7_241_004;

/** The latest analysis as readers need it: the view plus what the report adds. */
export interface StoredAnalysis {
  view: StrengthAnalysisView;
  locale: 'ja' | 'en';
  recommendedScenarioIds: string[];
}

export type NewAnalysis = Omit<StrengthAnalysisEntity, 'id' | 'analyzedAt'>;

export class NoAnalysisError extends DomainError {
  constructor() {
    super('not_found', 'NO_ANALYSIS', 'No strength analysis yet: finish a conversation or ask for one.');
  }
}

/**
 * Stores analyses and serves each learner's latest one through the cache. "Latest" is the analysis of the most
 * recently captured input, not the one that finished last: jobs for one learner may finish in any order.
 * Writers and cache-filling readers of one learner take turns on an advisory lock, so the cache never ends up
 * holding an older analysis than the database.
 */
@Injectable()
export class StrengthAnalyses {
  constructor(
    @InjectRepository(StrengthAnalysisEntity) private readonly repo: Repository<StrengthAnalysisEntity>,
    private readonly cache: CacheService,
  ) {}

  /**
   * Stores an analysis and returns it. The same learner and input keep one row: a repeat (a job run again
   * after a crash, or an input seen again) refreshes its dates instead of adding another.
   */
  async save(analysis: NewAnalysis): Promise<StoredAnalysis> {
    return this.locked(analysis.userId, 'exclusive', async (runner) => {
      const [row] = await runner.manager.query<Array<{ id: string }>>(
        `INSERT INTO strength_analyses (user_id, scores, top_strengths, feedback, based_on_conversations,
                conversation_ids, evidence, recommended_scenario_ids, locale, input_hash, input_captured_at,
                generated_by, model)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (user_id, input_hash) DO UPDATE
           SET analyzed_at = now(),
               input_captured_at = GREATEST(strength_analyses.input_captured_at, EXCLUDED.input_captured_at)
         RETURNING id`,
        [
          analysis.userId,
          JSON.stringify(analysis.scores),
          JSON.stringify(analysis.topStrengths),
          analysis.feedback,
          analysis.basedOnConversations,
          JSON.stringify(analysis.conversationIds),
          JSON.stringify(analysis.evidence),
          JSON.stringify(analysis.recommendedScenarioIds),
          analysis.locale,
          analysis.inputHash,
          analysis.inputCapturedAt,
          analysis.generatedBy,
          analysis.model,
        ],
      );
      const latest = await this.latestRow(runner.manager, analysis.userId);
      if (latest) await this.cache.set(CACHE, key(analysis.userId), toStored(latest), CACHE_TTL_SECONDS);
      return toStored(await runner.manager.findOneByOrFail(StrengthAnalysisEntity, { id: row.id }));
    });
  }

  /**
   * Makes the analysis of an input seen again the latest (the window went back to it, say after a conversation
   * was deleted). Nothing happens when that input has no analysis yet or its analysis is the latest already.
   */
  async markCurrent(userId: string, inputHash: string, capturedAt: Date): Promise<void> {
    await this.locked(userId, 'exclusive', async (runner) => {
      const updated = await runner.manager.query<Array<{ id: string }>>(
        `UPDATE strength_analyses a SET input_captured_at = $3
          WHERE a.user_id = $1 AND a.input_hash = $2 AND a.input_captured_at < $3
            AND EXISTS (SELECT 1 FROM strength_analyses o WHERE o.user_id = $1 AND o.input_captured_at > a.input_captured_at)
          RETURNING a.id`,
        [userId, inputHash, capturedAt],
      );
      if (!updated.length) return;
      const latest = await this.latestRow(runner.manager, userId);
      if (latest) await this.cache.set(CACHE, key(userId), toStored(latest), CACHE_TTL_SECONDS);
    });
  }

  /** The learner's latest analysis; throws NoAnalysisError before the first. */
  async latest(userId: string): Promise<StoredAnalysis> {
    const cached = await this.cache.get<StoredAnalysis>(CACHE, key(userId));
    if (cached) return cached;
    const stored = await this.locked(userId, 'shared', async (runner) => {
      const row = await this.latestRow(runner.manager, userId);
      if (!row) return null;
      const value = toStored(row);
      await this.cache.set(CACHE, key(userId), value, CACHE_TTL_SECONDS);
      return value;
    });
    if (!stored) throw new NoAnalysisError();
    return stored;
  }

  async count(): Promise<{ analyses: number; analysedLearners: number }> {
    const [row] = await this.repo.manager.query<Array<{ analyses: string; learners: string }>>(
      'SELECT count(*) AS analyses, count(DISTINCT user_id) AS learners FROM strength_analyses',
    );
    return { analyses: Number(row.analyses), analysedLearners: Number(row.learners) };
  }

  /** Removes a learner's analyses (account deletion), inside the caller's transaction. */
  async removeFor(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(StrengthAnalysisEntity, { userId });
    await this.cache.delete(CACHE, key(userId));
  }

  private latestRow(manager: EntityManager, userId: string): Promise<StrengthAnalysisEntity | null> {
    return manager.findOne(StrengthAnalysisEntity, {
      where: { userId },
      order: { inputCapturedAt: 'DESC', analyzedAt: 'DESC', id: 'DESC' },
    });
  }

  /** Runs `work` on one connection holding the learner's lock; each statement commits on its own. */
  private async locked<T>(
    userId: string,
    mode: 'shared' | 'exclusive',
    work: (runner: QueryRunner) => Promise<T>,
  ): Promise<T> {
    const runner = this.repo.manager.connection.createQueryRunner();
    await runner.connect();
    const suffix = mode === 'shared' ? '_shared' : '';
    try {
      await runner.query(`SELECT pg_advisory_lock${suffix}($1, hashtext($2))`, [LOCK_SPACE, userId]);
      try {
        return await work(runner);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock${suffix}($1, hashtext($2))`, [LOCK_SPACE, userId]);
      }
    } finally {
      await runner.release();
    }
  }
}

function key(userId: string): string {
  return `strengths:${userId}`;
}

function toStored(row: StrengthAnalysisEntity): StoredAnalysis {
  return {
    view: toStrengthAnalysisView(row),
    locale: row.locale,
    recommendedScenarioIds: row.recommendedScenarioIds,
  };
}
