import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../auth';
import { AnalyticsReads } from '../analytics-reads';
import { AdminOverviewView } from '../dto/responses';
import { StrengthAnalysisView } from '../dto/strength-analysis.view';

@ApiTags('admin')
@ApiBearerAuth()
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
  strengths(@Param('id', new ParseUUIDPipe()) userId: string): Promise<StrengthAnalysisView> {
    return this.reads.strengthsOfUser(userId);
  }
}
