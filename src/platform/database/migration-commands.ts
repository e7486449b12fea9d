import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appliedMigrations, revertLastMigrationLocked } from './migrator';

interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** `migration:run`: booting the application context has applied every pending migration; report the state. */
export const migrationRunCommand = {
  name: 'migration:run',
  usage: 'migration:run',
  description: 'Applies every pending migration (as every start does) and lists the applied ones.',
  async run(app: INestApplicationContext, _args: string[], output: Output): Promise<number> {
    const dataSource = app.get(DataSource);
    const pending = await dataSource.showMigrations();
    const applied = await appliedMigrations(dataSource);
    output.out(`${applied.length} migration(s) applied${applied.length ? `, latest ${applied[0]}` : ''}.`);
    if (pending) output.err('Some migrations are still pending.');
    return pending ? 1 : 0;
  },
};

/** `migration:revert`: undoes the most recently applied migration. */
export const migrationRevertCommand = {
  name: 'migration:revert',
  usage: 'migration:revert',
  description: 'Reverts the most recently applied migration.',
  async run(app: INestApplicationContext, _args: string[], output: Output): Promise<number> {
    const reverted = await revertLastMigrationLocked(app.get(DataSource));
    output.out(reverted ? `Reverted ${reverted}.` : 'No migration to revert.');
    return 0;
  },
};
