import { ApiProperty } from '@nestjs/swagger';
import type { CircuitState, LlmDescription, LlmMode, ProviderDescription, ProviderName } from './llm.types';

export class ProviderInfo implements ProviderDescription {
  @ApiProperty({ enum: ['offline', 'gemini', 'openai'], example: 'gemini' }) name!: ProviderName;
  @ApiProperty({
    description: 'Whether it has a key (or, for OpenAI-compatible servers, a base URL)',
    example: true,
  })
  configured!: boolean;
  @ApiProperty({
    description: 'The model used when the chain falls back to this provider',
    example: 'gemini/gemini-2.5-flash',
  })
  defaultModel!: string;
  @ApiProperty({
    enum: ['closed', 'open', 'half-open'],
    description: 'open: skipped after repeated failures',
    example: 'closed',
  })
  circuit!: CircuitState;
}

export class ModeModels implements Record<LlmMode, string> {
  @ApiProperty({ example: 'gemini/gemini-2.5-flash' }) chat!: string;
  @ApiProperty({ example: 'gemini/gemini-2.5-flash' }) scenario!: string;
  @ApiProperty({ example: 'gemini/gemini-2.5-flash' }) watch!: string;
  @ApiProperty({ example: 'openai/gpt-4o-mini' }) feedback!: string;
  @ApiProperty({ example: 'openai/gpt-4o-mini' }) analysis!: string;
}

export class ModelsResponse implements LlmDescription {
  @ApiProperty({ type: [ProviderInfo], description: 'The configured providers, in fallback order' })
  providers!: ProviderInfo[];
  @ApiProperty({ type: ModeModels, description: 'The model (provider/model) each mode tries first' })
  models!: ModeModels;
}
