import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { FastifyReply } from 'fastify';
import { ApiContentResponse } from '../http/api-responses';
import { Public } from '../http/public.decorator';

@ApiTags('operations')
@Controller()
export class MetricsController extends PrometheusController {
  @Public()
  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics of this instance (public, not rate limited).',
    description:
      'Process metrics, `http_requests_total{method,route,status}` and `http_request_duration_seconds` labelled by ' +
      'route template, `cache_requests_total{cache}`, `cache_hits_total{cache}`, `llm_requests_total{provider,outcome}`, ' +
      '`llm_response_duration_seconds{model,mode}`, `conversations_total{mode}`, `active_sessions{type}` and more.',
  })
  @ApiContentResponse(200, 'The Prometheus text exposition format.', {
    'text/plain': {
      type: 'string',
      example: 'http_requests_total{method="GET",route="/health/live",status="200"} 3\n',
    },
  })
  override async index(@Res({ passthrough: true }) response: FastifyReply): Promise<string> {
    return super.index(response);
  }
}
