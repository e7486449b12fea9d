import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSignedInErrors } from '../http/api-responses';
import { Authenticated } from '../http/public.decorator';
import { LlmService } from './llm.service';
import { ModelsResponse } from './models.response';

@ApiTags('models')
@ApiBearerAuth()
@Controller('models')
export class ModelsController {
  constructor(private readonly llm: LlmService) {}

  @Authenticated()
  @Get()
  @ApiOperation({
    summary: 'The AI providers in fallback order and the model each mode uses. Never shows keys or URLs.',
  })
  @ApiOkResponse({ type: ModelsResponse })
  @ApiSignedInErrors()
  list(): ModelsResponse {
    return this.llm.describe();
  }
}
