import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { createApp } from '../../../src/app.factory';
import { AppModule } from '../../../src/app.module';
import { loadConfig } from '../../../src/config';
import { Authenticated, Public, RequirePermissions } from '../../../src/modules/auth';
import { RateLimit } from '../../../src/platform/rate-limit';
import type { RunningApp } from '../../helpers/app';

/** Routes that exist only in these tests: one of each kind of declaration and one per named rate limit. */
@Controller('probe')
export class ProbeController {
  @Get('undeclared')
  undeclared(): { ok: true } {
    return { ok: true };
  }

  @Public()
  @Get('public')
  open(): { ok: true } {
    return { ok: true };
  }

  @Authenticated()
  @Get('signed-in')
  signedIn(): { ok: true } {
    return { ok: true };
  }

  @RequirePermissions('user:manage')
  @Get('manage')
  manage(): { ok: true } {
    return { ok: true };
  }

  @RequirePermissions('conversation:write:own')
  @RateLimit('message')
  @Post('message')
  @HttpCode(201)
  message(): { ok: true } {
    return { ok: true };
  }

  @RequirePermissions('scenario:read')
  @RateLimit('scenarioStart')
  @Post('scenario-start')
  @HttpCode(201)
  scenarioStart(): { ok: true } {
    return { ok: true };
  }

  @Authenticated()
  @RateLimit('watchStart')
  @Post('watch-start')
  @HttpCode(201)
  watchStart(): { ok: true } {
    return { ok: true };
  }

  @RequirePermissions('analytics:read:own')
  @RateLimit('analytics')
  @Get('analytics')
  analytics(): { ok: true } {
    return { ok: true };
  }
}

/** The real application plus the probe routes, on a random port, with the same defaults as startApp. */
export async function startProbeApp(env: Record<string, string | undefined>): Promise<RunningApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    OFFLINE_LLM_DELAY_MS: '0',
    RATE_LIMIT_ENABLED: 'false',
    ...env,
  });
  @Module({ imports: [AppModule.forRoot(config)], controllers: [ProbeController] })
  class ProbeRootModule {}
  const app = await createApp(config, { module: ProbeRootModule });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, config, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
