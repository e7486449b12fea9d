import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

// Any constant works; it only has to be the same for every instance of this service.
const MIGRATION_LOCK_KEY = 7_241_003_117;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so instances that boot together
 * migrate the schema once: the first takes the lock and migrates, the others wait and find nothing to do.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
  logger = new Logger('Migrations'),
): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length)
      logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    return applied.map((m) => m.name);
  });
}

/** Reverts the most recently applied migration, under the same lock; returns its name, if there was one. */
export async function revertLastMigrationLocked(dataSource: DataSource): Promise<string | undefined> {
  return withMigrationLock(dataSource, async () => {
    const [last] = await appliedMigrations(dataSource, 1);
    if (last) await dataSource.undoLastMigration({ transaction: 'each' });
    return last;
  });
}

/** Names of the applied migrations, newest first. */
export async function appliedMigrations(dataSource: DataSource, limit = 10000): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const rows = await dataSource.query<{ name: string }[]>(
    `SELECT name FROM "${table}" ORDER BY timestamp DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.name);
}

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
