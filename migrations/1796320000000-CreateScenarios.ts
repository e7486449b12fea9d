import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scenario catalogue. `search_text` joins title, description and tags for substring search (ILIKE),
 * which finds Japanese words that have no spaces around them; a trigram index keeps it fast as the table grows.
 * `created_by` is a plain id: users belong to the auth module.
 */
export class CreateScenarios1796320000000 implements MigrationInterface {
  name = 'CreateScenarios1796320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // array_to_string is only STABLE in general; for text[] it is immutable, which a generated column needs.
    await q.query(`
      CREATE FUNCTION scenario_search_text(title text, description text, tags text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT title || ' ' || description || ' ' || array_to_string(tags, ' ') $$`);
    await q.query(`
      CREATE TABLE scenarios (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        difficulty text NOT NULL CHECK (difficulty IN ('beginner', 'intermediate', 'advanced')),
        category text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        locale text NOT NULL CHECK (locale IN ('ja', 'en')),
        sensitive boolean NOT NULL DEFAULT false,
        role_type text NOT NULL DEFAULT 'standard' CHECK (role_type IN ('standard', 'reverse')),
        ai_role text NOT NULL DEFAULT '',
        user_role text NOT NULL DEFAULT '',
        "character" jsonb NOT NULL,
        learning_points jsonb NOT NULL DEFAULT '[]'::jsonb,
        feedback_points jsonb NOT NULL DEFAULT '[]'::jsonb,
        visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('public', 'private')),
        created_by uuid NULL,
        source text NOT NULL CHECK (source IN ('builtin', 'import', 'user')),
        source_key text NULL,
        content_hash text NULL,
        deleted_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (scenario_search_text(title, description, tags)) STORED,
        CONSTRAINT scenarios_slug_key UNIQUE (slug),
        CONSTRAINT scenarios_source_key_key UNIQUE (source_key),
        CONSTRAINT scenarios_source_has_key CHECK ((source = 'user') = (source_key IS NULL))
      )`);
    await q.query(`CREATE INDEX scenarios_tags_idx ON scenarios USING gin (tags)`);
    await q.query(`CREATE INDEX scenarios_search_idx ON scenarios USING gin (search_text gin_trgm_ops)`);
    await q.query(
      `CREATE INDEX scenarios_created_by_idx ON scenarios (created_by) WHERE created_by IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX scenarios_listing_idx ON scenarios (category, difficulty) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scenarios`);
    await q.query(`DROP FUNCTION scenario_search_text(text, text, text[])`);
    // pg_trgm stays: other tables may use it, and it holds no data.
  }
}
