import type { DynamicModule, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { AppModule } from '../../src/app.module';
import { loadConfig, type AppConfig } from '../../src/config';

export interface RunningApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/** The configuration of every test process: test mode, offline AI with no delay, rate limits off; env wins. */
export function testConfig(env: Record<string, string | undefined>): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    OFFLINE_LLM_DELAY_MS: '0',
    RATE_LIMIT_ENABLED: 'false',
    ...env,
  });
}

/**
 * Boots a real application on a random port with testConfig; pass DATABASE_URL (and REDIS_URL,
 * REDIS_KEY_PREFIX for distributed mode) in env. `controllers` adds routes that exist only in a spec.
 */
export async function startApp(
  env: Record<string, string | undefined>,
  controllers: Type[] = [],
): Promise<RunningApp> {
  const config = testConfig(env);
  let root: DynamicModule | undefined;
  if (controllers.length) {
    @Module({ imports: [AppModule.forRoot(config)], controllers })
    class SpecRootModule {}
    root = { module: SpecRootModule };
  }
  const app = await createApp(config, root);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, config, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
