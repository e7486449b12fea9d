import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { Authenticated, Public, RequirePermissions } from '../../../src/modules/auth';
import { RateLimit } from '../../../src/platform/rate-limit';
import { startApp, type RunningApp } from '../../helpers/app';

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
export function startProbeApp(env: Record<string, string | undefined>): Promise<RunningApp> {
  return startApp(env, [ProbeController]);
}
