import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

/** The one place that builds TypeORM's connection options. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    extra: { max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
    // TypeORM's own error log prints query parameters, which can hold credentials; errors still propagate.
    logging: false,
  };
}
