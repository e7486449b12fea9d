import request from 'supertest';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import {
  appliedMigrations,
  revertLastMigrationLocked,
  runMigrationsLocked,
} from '../../src/platform/database/migrator';
import { startApp, type RunningApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** TypeORM names a migration by its `name` property, or else by its class name. */
const migrationNames = (classes: readonly unknown[]): string[] =>
  classes.map((m) => {
    const Migration = m as new () => { name?: string };
    return new Migration().name ?? Migration.name;
  });

describe('migrations when two instances start at the same moment', () => {
  let db: TestDatabase;
  let apps: RunningApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('migrate');
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db?.drop();
  });

  it('brings both up and records every migration exactly once', async () => {
    apps = await Promise.all([startApp({ DATABASE_URL: db.url }), startApp({ DATABASE_URL: db.url })]);

    for (const running of apps) await request(running.url).get('/health/ready').expect(200);
    const rows = await query<{ name: string; copies: string }>(
      db.url,
      'SELECT name, count(*) AS copies FROM schema_migrations GROUP BY name ORDER BY name',
    );
    expect(rows.map((r) => r.name).sort()).toEqual(migrationNames(MIGRATIONS).sort());
    expect(rows.filter((r) => Number(r.copies) !== 1)).toEqual([]);
  });

  it('lists the applied migrations, reverts the latest, and applies it again', async () => {
    const names = migrationNames(MIGRATIONS);
    const dataSource = apps[0].app.get(DataSource);
    await expect(appliedMigrations(dataSource)).resolves.toEqual([...names].reverse());

    await expect(revertLastMigrationLocked(dataSource)).resolves.toBe(names.at(-1));
    await expect(appliedMigrations(dataSource)).resolves.toEqual(names.slice(0, -1).reverse());

    await expect(runMigrationsLocked(dataSource)).resolves.toEqual(names.slice(-1));
    await expect(appliedMigrations(dataSource)).resolves.toEqual([...names].reverse());
  });
});

// Holds the schema change open for a moment, so that two unlocked runners would both find it pending.
class CreateProbeTable1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_sleep(0.3)');
    await runner.query('CREATE TABLE migration_probe (id int PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE migration_probe');
  }
}

describe('the migration lock', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('miglock');
  });
  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    await db?.drop();
  });

  it('lets one of two concurrent runners apply a pending migration and the other find nothing to do', async () => {
    for (let i = 0; i < 2; i++) {
      const source = new DataSource({
        ...dataSourceOptions(db.url, 2),
        migrations: [CreateProbeTable1700000000000],
      });
      sources.push(await source.initialize());
    }

    const applied = await Promise.all(sources.map((s) => runMigrationsLocked(s)));

    expect(applied.map((names) => names.length).sort()).toEqual([0, 1]);
    await expect(query(db.url, 'SELECT name FROM schema_migrations')).resolves.toEqual([
      { name: 'CreateProbeTable1700000000000' },
    ]);
  });

  it('reverts the latest migration under the same lock', async () => {
    await expect(revertLastMigrationLocked(sources[0])).resolves.toBe('CreateProbeTable1700000000000');
    await expect(query(db.url, 'SELECT name FROM schema_migrations')).resolves.toEqual([]);
    await expect(query(db.url, `SELECT to_regclass('migration_probe') AS t`)).resolves.toEqual([{ t: null }]);
    await expect(revertLastMigrationLocked(sources[1])).resolves.toBeUndefined();
  });
});
