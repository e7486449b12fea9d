import { Client } from 'pg';

/** Every place a value appears in the database: `table.column` of each row whose text form contains it. */
export async function whereValueAppears(
  url: string,
  value: string,
  skipTables: string[] = [],
): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns.rows) {
      if (skipTables.includes(table)) continue;
      const hits = await client.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`,
        [value],
      );
      if ((hits.rows[0] as { n: number }).n > 0) found.push(`${table}.${column}`);
    }
    return found;
  } finally {
    await client.end();
  }
}

export async function queryRows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
