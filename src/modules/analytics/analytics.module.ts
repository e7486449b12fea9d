import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountDeletion, AuthModule } from '../auth';
import { ConversationModule } from '../conversation';
import { ScenarioModule } from '../scenario';
import { AnalysisJobs } from './analysis-jobs';
import { AnalysisTriggers } from './analysis-triggers';
import { AnalyticsReads } from './analytics-reads';
import { StrengthAnalysisEntity } from './entities/strength-analysis.entity';
import { AdminAnalyticsController } from './http/admin-analytics.controller';
import { AnalyticsController } from './http/analytics.controller';
import { ScenarioRecommender } from './scenario-recommender';
import { StrengthAnalyses } from './strength-analyses';
import { StrengthAnalyzer } from './strength-analyzer';

@Module({
  imports: [
    TypeOrmModule.forFeature([StrengthAnalysisEntity]),
    AuthModule,
    ConversationModule,
    ScenarioModule,
  ],
  controllers: [AnalyticsController, AdminAnalyticsController],
  providers: [
    StrengthAnalyses,
    StrengthAnalyzer,
    ScenarioRecommender,
    AnalysisJobs,
    AnalysisTriggers,
    AnalyticsReads,
  ],
})
export class AnalyticsModule implements OnModuleInit {
  constructor(
    private readonly deletion: AccountDeletion,
    private readonly analyses: StrengthAnalyses,
  ) {}

  onModuleInit(): void {
    this.deletion.register((userId, manager) => this.analyses.removeFor(userId, manager));
  }
}
