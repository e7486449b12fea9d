import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server tests create their databases on (this machine's, unless told otherwise). */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const u = new URL(TEST_PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database whose name says it is for tests; drop() removes it (and only such databases). */
export async function createTestDatabase(label = 'e2e'): Promise<TestDatabase> {
  const name = `test_wr_${label.replace(/\W/g, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: urlFor(name),
    drop: async () => {
      if (!name.startsWith('test_')) throw new Error(`refusing to drop ${name}`);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A unique Redis key prefix, so test files sharing one Redis never see each other's keys. */
export function testRedisPrefix(): string {
  return `test:${randomBytes(4).toString('hex')}:`;
}
