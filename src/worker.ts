import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ConfigError, loadConfigFromProcess, type AppConfig } from './config';
import { MetricsEndpoint } from './platform/metrics/metrics-endpoint';

@Module({})
class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [AppModule.forRoot(config)], providers: [MetricsEndpoint] };
  }
}

/**
 * The background worker alone: the application's modules in a Nest application context, with no API and no
 * sockets, taking jobs from the Redis queues; only its metrics are served, on WORKER_METRICS_PORT. API
 * instances then run with JOBS_RUN_WORKER=false.
 */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  if (!config.redis.url) {
    throw new ConfigError(['REDIS_URL: the worker needs Redis; without it, jobs run inside the API process']);
  }
  const workerConfig: AppConfig = { ...config, analytics: { ...config.analytics, runWorker: true } };
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(workerConfig), {
    bufferLogs: true,
    abortOnError: false,
  });
  context.useLogger(context.get(Logger));
  return context;
}

async function main(): Promise<void> {
  try {
    const context = await createWorker(loadConfigFromProcess());
    // On SIGTERM/SIGINT the workers finish the jobs in hand, then connections close and the process exits.
    context.enableShutdownHooks(undefined, { useProcessExit: true });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(
      `Worker failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  });
}
