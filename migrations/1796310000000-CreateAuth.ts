import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, refresh-token families and the audit trail. Other contexts refer to users by id; their rows
 * go with the account through the account-deletion participants they register (see AccountDeletion).
 */
export class CreateAuth1796310000000 implements MigrationInterface {
  name = 'CreateAuth1796310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NULL,
        username text NOT NULL,
        display_name text NULL,
        password_hash text NULL,
        role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'premium_user', 'admin', 'super_admin')),
        is_anonymous boolean NOT NULL DEFAULT false,
        preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lower CHECK (email = lower(email)),
        CONSTRAINT users_registered_has_credentials CHECK (is_anonymous OR (email IS NOT NULL AND password_hash IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);
    await q.query(`CREATE INDEX users_role_idx ON users (role)`);
    await q.query(`CREATE INDEX users_created_at_idx ON users (created_at DESC, id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz NULL,
        revoked_at timestamptz NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id, expires_at)`);

    // Actor and target are plain ids, not foreign keys: the trail outlives the accounts it mentions.
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id uuid NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_events_created_at_idx ON audit_events (created_at DESC, id)`);
    await q.query(`CREATE INDEX audit_events_target_idx ON audit_events (target_id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
  }
}
