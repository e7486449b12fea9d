import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfigFromProcess } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfigFromProcess();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const app = await createApp(config);
  // On a signal Nest drains HTTP, closes pools and the embedded database, then exits 0 (not by re-raising the signal).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  const graceMs = config.app.shutdownGraceMs;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // A long-lived stream must not hold the shutdown forever.
      setTimeout(() => {
        process.stderr.write(`Shutdown took longer than ${graceMs} ms; exiting.\n`);
        process.exit(1);
      }, graceMs).unref();
    });
  }
  await app.listen(config.app.port, config.app.host);
}

main().catch((e: unknown) => {
  process.stderr.write(`Failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
