import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { RequirePermissions } from '../../auth';
import { AnalyticsReads } from '../analytics-reads';
import { AdminOverviewView } from '../dto/responses';
import { StrengthAnalysisView } from '../dto/strength-analysis.view';

@ApiTags('admin')
@ApiBearerAuth()
@ApiSignedInErrors()
@ApiErrors({ 403: 'FORBIDDEN: the role lacks analytics:read:all.' })
@Controller('admin/analytics')
export class AdminAnalyticsController {
  constructor(private readonly reads: AnalyticsReads) {}

  @Get('overview')
  @RequirePermissions('analytics:read:all')
  @ApiOperation({
    summary:
      'Totals across all users: learners, conversations, messages, feedback, analyses and analysis jobs.',
  })
  @ApiOkResponse({ type: AdminOverviewView })
  overview(): Promise<AdminOverviewView> {
    return this.reads.overview();
  }

  @Get('users/:id/strengths')
  @RequirePermissions('analytics:read:all')
  @ApiOperation({
    summary:
      "A user's latest strength analysis. 404 NOT_FOUND for an unknown user, 404 NO_ANALYSIS for a user without one.",
  })
  @ApiOkResponse({ type: StrengthAnalysisView })
  @ApiErrors({
    400: 'VALIDATION_FAILED: id is not a UUID.',
    404: 'NOT_FOUND: no such user. NO_ANALYSIS: the user has no strength analysis yet.',
  })
  strengths(@Param('id', new ParseUUIDPipe()) userId: string): Promise<StrengthAnalysisView> {
    return this.reads.strengthsOfUser(userId);
  }
}
