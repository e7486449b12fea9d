import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfigFromProcess, type AppConfig } from './config';
import { createUserCommand } from './modules/auth';
import { importScenariosCommand } from './modules/scenario';
import { migrationRevertCommand, migrationRunCommand } from './platform/database/migration-commands';

/** An operator command: its logic lives in its module; this file only boots the application and dispatches. */
interface CliCommand {
  name: string;
  usage: string;
  description: string;
  /** Returns the process exit code. */
  run(app: INestApplicationContext, args: string[], output: CliOutput): Promise<number>;
}

interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const COMMANDS: CliCommand[] = [
  migrationRunCommand,
  migrationRevertCommand,
  createUserCommand,
  importScenariosCommand,
];

const output: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function usage(): string {
  return [
    'usage: npm run cli -- <command> [arguments]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.description}`),
  ].join('\n');
}

/**
 * The full application context, so migrations run and the scenario library is seeded as at a normal start,
 * but never a job worker: a short-lived command must not take background jobs from the queues.
 */
export function createCliContext(config: AppConfig): Promise<INestApplicationContext> {
  const cliConfig: AppConfig = { ...config, analytics: { ...config.analytics, runWorker: false } };
  return NestFactory.createApplicationContext(AppModule.forRoot(cliConfig), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const askedForHelp = ['help', '--help', '-h'].includes(name ?? '');
    if (name && !askedForHelp) output.err(`unknown command: ${name}\n`);
    output.err(usage());
    return askedForHelp ? 0 : 2;
  }
  let config;
  try {
    config = loadConfigFromProcess();
  } catch (e) {
    if (e instanceof ConfigError) {
      output.err(e.message);
      return 1;
    }
    throw e;
  }
  const app = await createCliContext(config);
  try {
    return await command.run(app, args, output);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  void main(process.argv.slice(2))
    .catch((e: unknown) => {
      output.err(`Failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return 1;
    })
    .then((code) => {
      // Exit explicitly once output is flushed: a library timer left behind must not keep an operator waiting.
      process.exitCode = code;
      process.stdout.write('', () => process.exit(code));
    });
}
