import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { InjectConfig, type AppConfig } from '../../config';
import { ServiceUnavailableError } from '../../shared';
import { ApiErrors } from '../http/api-responses';
import { Public } from '../http/public.decorator';
import { RedisConnections } from '../redis/redis-connections';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnections,
  ) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process runs; checks nothing.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: 200 when PostgreSQL and (where configured) Redis answer; 503 naming the failing ones.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok'] },
        checks: { type: 'object', additionalProperties: { type: 'string', enum: ['up'] } },
      },
    },
    example: { status: 'ok', checks: { database: 'up', redis: 'up' } },
  })
  @ApiErrors({
    503: 'SERVICE_UNAVAILABLE: a dependency did not answer within HEALTH_CHECK_TIMEOUT_MS; `details` has one entry per failing dependency.',
  })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, string> }> {
    const timeout = this.config.health.timeoutMs;
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout })];
    if (this.redis.enabled) {
      checks.push(async () => {
        const indicator = this.indicators.check('redis');
        try {
          await this.redis.ping(timeout);
          return indicator.up();
        } catch (e) {
          return indicator.down({ message: (e as Error).message });
        }
      });
    }
    try {
      const result = await this.health.check(checks);
      return { status: 'ok', checks: Object.fromEntries(Object.keys(result.details).map((k) => [k, 'up'])) };
    } catch (e) {
      const details =
        (e as { response?: { error?: Record<string, { message?: string }> } }).response?.error ?? {};
      const failing = Object.keys(details);
      throw new ServiceUnavailableError(
        'SERVICE_UNAVAILABLE',
        `Not ready: ${failing.join(', ') || 'unknown dependency'} unavailable.`,
        failing.map((name) => ({ field: name, messages: [details[name]?.message ?? 'down'] })),
      );
    }
  }
}
