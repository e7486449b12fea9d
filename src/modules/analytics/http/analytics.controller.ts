import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContentResponse, ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { RateLimit } from '../../../platform/rate-limit';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { AnalysisJobs } from '../analysis-jobs';
import { AnalyticsReads } from '../analytics-reads';
import { reportCsv, reportMarkdown } from '../domain/report-format';
import { ProgressQuery, ReportQuery } from '../dto/requests';
import { AnalysisJobView, JobAcceptedView, ProgressView, ReportView } from '../dto/responses';
import { StrengthAnalysisView } from '../dto/strength-analysis.view';

const REPORT_TYPES = { md: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

@ApiTags('analytics')
@ApiBearerAuth()
@ApiSignedInErrors(
  'Analytics routes also spend from the analytics limit (RATE_LIMIT_ANALYTICS_PER_HOUR, 100 per hour by default).',
)
@RateLimit('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly reads: AnalyticsReads,
    private readonly jobs: AnalysisJobs,
  ) {}

  @Get('strengths')
  @RequirePermissions('analytics:read:own')
  @ApiOperation({
    summary: 'Your latest strength analysis. 404 NO_ANALYSIS before the first one.',
    description:
      'An analysis runs by itself when one of your conversations ends or gets feedback, or on request (POST analyze).',
  })
  @ApiOkResponse({ type: StrengthAnalysisView })
  @ApiErrors({ 404: 'NO_ANALYSIS: no strength analysis yet.' })
  strengths(@CurrentUser() principal: Principal): Promise<StrengthAnalysisView> {
    return this.reads.strengths(principal.userId);
  }

  @Post('strengths/analyze')
  @HttpCode(202)
  @RequirePermissions('analytics:read:own')
  @ApiOperation({
    summary: 'Analyse your recent conversations in the background.',
    description:
      'Reads your newest conversations (ANALYTICS_WINDOW_CONVERSATIONS, default 20) as they are now. The job id is derived ' +
      'from you and that input: asking again before anything changed returns the same job and analyses nothing twice. ' +
      'Follow it with GET /analytics/jobs/{jobId}. 409 NOTHING_TO_ANALYZE when you have not sent any message yet.',
  })
  @ApiAcceptedResponse({ type: JobAcceptedView, description: 'Queued (or the same job already there).' })
  @ApiErrors({ 409: 'NOTHING_TO_ANALYZE: you have not sent any message yet.' })
  analyze(@CurrentUser() principal: Principal): Promise<JobAcceptedView> {
    return this.jobs.requestNow(principal.userId);
  }

  @Get('jobs/:jobId')
  @RequirePermissions('analytics:read:own')
  @ApiOperation({
    summary: "State of one of your analysis jobs; anyone else's job is 404. Finished jobs are kept 7 days.",
  })
  @ApiOkResponse({ type: AnalysisJobView })
  @ApiErrors({
    400: 'VALIDATION_FAILED: jobId is not a UUID.',
    404: "NOT_FOUND: no such job, another user's, or a finished job older than 7 days.",
  })
  job(
    @CurrentUser() principal: Principal,
    @Param('jobId', new ParseUUIDPipe()) jobId: string,
  ): Promise<AnalysisJobView> {
    return this.reads.job(principal.userId, jobId);
  }

  @Get('progress')
  @RequirePermissions('analytics:read:own')
  @ApiOperation({
    summary: 'Your activity and average feedback scores per day, week or month (UTC), oldest first.',
    description:
      '`from` and `to` are inclusive dates. 400 when from is after to or the range holds more than 366 buckets.',
  })
  @ApiOkResponse({ type: ProgressView })
  @ApiErrors({
    400: 'VALIDATION_FAILED: a date not written YYYY-MM-DD, an unknown bucket, from after to, or more than 366 buckets.',
  })
  progress(@CurrentUser() principal: Principal, @Query() query: ProgressQuery): Promise<ProgressView> {
    return this.reads.progress(principal.userId, query);
  }

  @Get('report')
  @RequirePermissions('analytics:read:own')
  @ApiOperation({
    summary: 'Your learning report: totals, strengths, weaknesses, next steps and recommended scenarios.',
    description:
      'Built on your latest analysis; before the first one `analysis` and `scores` are null and the scenarios are ' +
      'beginner ones to start with. `json`: the ReportView below. `md`: the same as a ' +
      'Markdown document (totals, score table, strengths, areas to improve, next steps, scenarios, the analysis text). ' +
      '`csv`: rows of `section,item,value,detail` with section total (name, number), score (axis, score, strength|weakness), ' +
      'recommendation (axis, text), scenario (slug, title, category) and analysis (analyzedAt, basedOnConversations, feedback); ' +
      'cells starting with = + - @ are prefixed with a quote.',
  })
  @ApiContentResponse(200, 'The report in the format asked for.', {
    'application/json': ReportView,
    'text/markdown': { type: 'string', description: 'With `format=md`.' },
    'text/csv': { type: 'string', description: 'With `format=csv`: rows of `section,item,value,detail`.' },
  })
  @ApiErrors({ 400: 'VALIDATION_FAILED: an unknown format or locale.' })
  async report(
    @CurrentUser() principal: Principal,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportView | string> {
    const report = await this.reads.report(principal, query.locale);
    if (query.format === 'json') return report;
    const stamp = report.generatedAt.slice(0, 10);
    void reply
      .header('content-type', REPORT_TYPES[query.format])
      .header('content-disposition', `inline; filename="learning-report-${stamp}.${query.format}"`);
    return query.format === 'md' ? reportMarkdown(report) : reportCsv(report);
  }
}
