import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../shared';
import { UsersService, type Principal } from '../auth';
import { LearnerActivityService, SKILL_LABELS, type SkillScores } from '../conversation';
import { AnalysisJobs } from './analysis-jobs';
import { weakestAxes, topStrengths } from './domain/axis-ranking';
import { NEXT_STEPS } from './domain/coaching-text';
import { progressRange, type Bucket } from './domain/progress-range';
import type { ReportContent } from './domain/report-format';
import type { AdminOverviewView, AnalysisJobView, ProgressView, ReportView } from './dto/responses';
import type { StrengthAnalysisView } from './dto/strength-analysis.view';
import { ScenarioRecommender } from './scenario-recommender';
import { NoAnalysisError, StrengthAnalyses } from './strength-analyses';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** The analytics use cases that read: strengths, jobs, progress, report, and the admin overview. */
@Injectable()
export class AnalyticsReads {
  constructor(
    private readonly analyses: StrengthAnalyses,
    private readonly jobs: AnalysisJobs,
    private readonly activity: LearnerActivityService,
    private readonly recommender: ScenarioRecommender,
    private readonly users: UsersService,
  ) {}

  async strengths(userId: string): Promise<StrengthAnalysisView> {
    return (await this.analyses.latest(userId)).view;
  }

  /** For admins: 404 NOT_FOUND for an unknown user, 404 NO_ANALYSIS for a user without one. */
  async strengthsOfUser(userId: string): Promise<StrengthAnalysisView> {
    if (!(await this.users.findById(userId))) throw new NotFoundError('User');
    return this.strengths(userId);
  }

  async job(userId: string, jobId: string): Promise<AnalysisJobView> {
    const job = await this.jobs.job(userId, jobId);
    const view: AnalysisJobView = {
      id: job.id,
      status: job.status,
      attempts: job.attemptsMade,
      createdAt: job.createdAt.toISOString(),
      finishedAt: iso(job.finishedAt),
    };
    if (job.status === 'completed' && job.result) view.result = job.result;
    if (job.status === 'failed') view.error = job.error ?? 'The analysis failed.';
    return view;
  }

  async progress(
    userId: string,
    query: { from?: string; to?: string; bucket?: Bucket },
  ): Promise<ProgressView> {
    const range = progressRange(query, new Date());
    const buckets = await this.activity.buckets(userId, range.from, range.until, range.bucket);
    return {
      from: range.from.toISOString().slice(0, 10),
      to: new Date(range.until.getTime() - 86_400_000).toISOString().slice(0, 10),
      bucket: range.bucket,
      series: buckets.map((b) => ({
        periodStart: b.periodStart,
        conversations: b.conversations,
        messages: b.learnerMessages,
        scores: b.scores,
      })),
    };
  }

  /**
   * Built on the latest analysis, with live totals. Before the first analysis it still answers: totals, no
   * scores, and beginner scenarios to start with.
   */
  async report(principal: Principal, asked?: 'ja' | 'en'): Promise<ReportView & ReportContent> {
    const [stored, totals] = await Promise.all([
      this.analyses.latest(principal.userId).catch((e: unknown) => {
        if (e instanceof NoAnalysisError) return null;
        throw e;
      }),
      this.activity.learnerTotals(principal.userId),
    ]);
    const locale = asked ?? stored?.locale ?? 'ja';
    const reportTotals = {
      conversations: totals.conversations,
      learnerMessages: totals.learnerMessages,
      assessedConversations: totals.assessedConversations,
      averageScores: totals.averageScores,
      firstConversationAt: iso(totals.firstConversationAt),
      lastConversationAt: iso(totals.lastConversationAt),
    };
    const generatedAt = new Date().toISOString();
    if (!stored) {
      return {
        generatedAt,
        locale,
        totals: reportTotals,
        analysis: null,
        scores: null,
        strengths: [],
        weaknesses: [],
        recommendations: [],
        recommendedScenarios: await this.recommender.starters(principal, locale),
      };
    }
    const { view } = stored;
    const scores = view.scores as SkillScores;
    const labels = SKILL_LABELS[locale];
    const rated = (list: ReturnType<typeof topStrengths>) =>
      list.map((s) => ({ ...s, label: labels[s.axis] }));
    const weaknesses = rated(weakestAxes(scores));
    return {
      generatedAt,
      locale,
      totals: reportTotals,
      analysis: {
        id: view.id,
        analyzedAt: view.analyzedAt,
        basedOnConversations: view.basedOnConversations,
        generatedBy: view.generatedBy,
        model: view.model,
        feedback: view.feedback,
      },
      scores,
      strengths: rated(topStrengths(scores)),
      weaknesses,
      recommendations: weaknesses.map((w) => ({ axis: w.axis, text: NEXT_STEPS[locale][w.axis] })),
      recommendedScenarios: await this.recommender.visible(stored.recommendedScenarioIds, principal),
    };
  }

  async overview(): Promise<AdminOverviewView> {
    const [totals, stored, jobs] = await Promise.all([
      this.activity.totals(),
      this.analyses.count(),
      this.jobs.counts(),
    ]);
    return { generatedAt: new Date().toISOString(), ...totals, ...stored, analysisJobs: jobs };
  }
}
