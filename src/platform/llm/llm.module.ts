import { Global, Module } from '@nestjs/common';
import { LlmMetrics, llmMetricProviders } from './llm.metrics';
import { LlmService } from './llm.service';
import { ModelsController } from './models.controller';

/** The AI providers behind one service; global so every feature module can inject LlmService. */
@Global()
@Module({
  controllers: [ModelsController],
  providers: [...llmMetricProviders, LlmMetrics, LlmService],
  exports: [LlmService],
})
export class LlmModule {}
