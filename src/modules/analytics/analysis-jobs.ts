import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config';
import { deterministicJobId, Jobs, type JobView } from '../../platform/jobs';
import { DomainError, NotFoundError } from '../../shared';
import { LearnerActivityService } from '../conversation';
import { topStrengths } from './domain/axis-ranking';
import { analysisInputOf, inputHash, type AnalysisInput } from './domain/analysis-input';
import { coachingFeedback } from './domain/coaching-text';
import type { StrengthAnalysisView } from './dto/strength-analysis.view';
import { ScenarioRecommender } from './scenario-recommender';
import { StrengthAnalyses } from './strength-analyses';
import { StrengthAnalyzer } from './strength-analyzer';

export const ANALYSIS_QUEUE = 'strength-analysis';

interface AnalysisJobData {
  userId: string;
  input: AnalysisInput;
  inputHash: string;
  /** ISO time the input was read: orders analyses whose jobs finish out of order. */
  capturedAt: string;
}

export class NothingToAnalyseYetError extends DomainError {
  constructor() {
    super(
      'conflict',
      'NOTHING_TO_ANALYZE',
      'Send at least one message in a conversation before asking for an analysis.',
    );
  }
}

/**
 * Strength analyses as background jobs. A job's id comes from the learner and a hash of the conversations it
 * reads (ids, lengths, feedback), so a double click or a repeated event finds the job already there.
 */
@Injectable()
export class AnalysisJobs implements OnModuleInit {
  private readonly logger = new Logger('AnalysisJobs');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly jobs: Jobs,
    private readonly activity: LearnerActivityService,
    private readonly analyzer: StrengthAnalyzer,
    private readonly recommender: ScenarioRecommender,
    private readonly analyses: StrengthAnalyses,
  ) {}

  onModuleInit(): void {
    this.jobs.register<AnalysisJobData, StrengthAnalysisView>(ANALYSIS_QUEUE, (data) => this.run(data));
  }

  /** Queues an analysis of the learner's current window; null when they have nothing to analyse yet. */
  async request(userId: string): Promise<{ jobId: string; created: boolean } | null> {
    const window = await this.activity.recentConversations(userId, this.config.analytics.windowConversations);
    if (!window.length) return null;
    const input = analysisInputOf(window);
    const hash = inputHash(input);
    const capturedAt = new Date();
    const { id, created } = await this.jobs.enqueue<AnalysisJobData>(ANALYSIS_QUEUE, {
      id: deterministicJobId(ANALYSIS_QUEUE, userId, hash),
      ownerId: userId,
      data: { userId, input, inputHash: hash, capturedAt: capturedAt.toISOString() },
    });
    // The job for this input exists already; if it has produced its analysis, that analysis is current again.
    if (!created) await this.analyses.markCurrent(userId, hash, capturedAt);
    return { jobId: id, created };
  }

  /** Like `request`, for a learner asking in person: nothing to analyse is a 409. */
  async requestNow(userId: string): Promise<{ jobId: string }> {
    const queued = await this.request(userId);
    if (!queued) throw new NothingToAnalyseYetError();
    return { jobId: queued.jobId };
  }

  /** A job of the learner's; someone else's job answers 404 exactly like a missing one. */
  async job(userId: string, jobId: string): Promise<JobView<StrengthAnalysisView>> {
    const job = await this.jobs.get<StrengthAnalysisView>(ANALYSIS_QUEUE, jobId);
    if (!job || job.ownerId !== userId) throw new NotFoundError('Job');
    return job;
  }

  counts() {
    return this.jobs.counts(ANALYSIS_QUEUE);
  }

  /** Failures a learner may read keep their message; anything else is logged and reported generically. */
  private async run(data: AnalysisJobData): Promise<StrengthAnalysisView> {
    try {
      return await this.analyse(data);
    } catch (e) {
      if (e instanceof DomainError) throw e;
      this.logger.error(`analysis of ${data.userId} failed: ${(e as Error).stack ?? String(e)}`);
      throw new Error('The analysis could not be completed because of an internal error.', { cause: e });
    }
  }

  private async analyse(data: AnalysisJobData): Promise<StrengthAnalysisView> {
    const draft = await this.analyzer.analyze(data.userId, data.input, data.inputHash);
    const scenarios = await this.recommender.recommend(
      data.userId,
      draft.scores,
      draft.locale,
      draft.practisedScenarioIds,
    );
    const stored = await this.analyses.save({
      userId: data.userId,
      scores: draft.scores,
      topStrengths: topStrengths(draft.scores),
      feedback: coachingFeedback({
        locale: draft.locale,
        scores: draft.scores,
        basedOnConversations: draft.conversationIds.length,
        scenarioTitles: scenarios.map((s) => s.title),
      }),
      basedOnConversations: draft.conversationIds.length,
      conversationIds: draft.conversationIds,
      evidence: draft.evidence,
      recommendedScenarioIds: scenarios.map((s) => s.id),
      locale: draft.locale,
      inputHash: data.inputHash,
      inputCapturedAt: new Date(data.capturedAt),
      generatedBy: draft.generatedBy,
      model: draft.model,
    });
    this.logger.log(
      `analysed ${draft.conversationIds.length} conversation(s) of ${data.userId} (${draft.generatedBy})`,
    );
    return stored.view;
  }
}
