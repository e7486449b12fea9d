import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConversations1796330000000 implements MigrationInterface {
  name = 'CreateConversations1796330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        mode text NOT NULL CHECK (mode IN ('chat', 'scenario', 'watch')),
        scenario_id uuid NULL,
        scenario_snapshot jsonb NULL,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        title text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('ja', 'en')),
        message_count integer NOT NULL DEFAULT 0,
        learner_message_count integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        last_message_at timestamptz NULL,
        ended_at timestamptz NULL,
        end_reason text NULL
      )`);
    await q.query('CREATE INDEX conversations_user_started_idx ON conversations (user_id, started_at DESC)');
    await q.query(
      'CREATE INDEX conversations_open_activity_idx ON conversations (COALESCE(last_message_at, started_at)) WHERE ended_at IS NULL',
    );
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('user', 'assistant')),
        speaker text NULL,
        content text NOT NULL,
        client_message_id uuid NULL,
        reply_to uuid NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query('CREATE INDEX messages_conversation_seq_idx ON messages (conversation_id, seq)');
    await q.query(
      'CREATE UNIQUE INDEX messages_client_message_id_uq ON messages (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL',
    );
    await q.query(
      'CREATE UNIQUE INDEX messages_reply_to_uq ON messages (reply_to) WHERE reply_to IS NOT NULL',
    );
    await q.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        message_count integer NOT NULL,
        scores jsonb NOT NULL,
        overall integer NOT NULL,
        strengths jsonb NOT NULL,
        improvements jsonb NOT NULL,
        summary text NOT NULL,
        feedback_points jsonb NULL,
        generated_by text NOT NULL CHECK (generated_by IN ('llm', 'heuristic')),
        model text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE UNIQUE INDEX feedback_conversation_count_uq ON feedback (conversation_id, message_count)',
    );
    await q.query('CREATE INDEX feedback_user_created_idx ON feedback (user_id, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE feedback');
    await q.query('DROP TABLE messages');
    await q.query('DROP TABLE conversations');
  }
}
