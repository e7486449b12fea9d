import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWatchQuizzes1796350000000 implements MigrationInterface {
  name = 'CreateWatchQuizzes1796350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE watch_quizzes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        after_turn integer NOT NULL CHECK (after_turn > 0),
        question text NOT NULL,
        choices jsonb NOT NULL,
        correct_choice integer NOT NULL CHECK (correct_choice >= 0 AND correct_choice < jsonb_array_length(choices)),
        explanation text NOT NULL,
        answered_choice integer NULL CHECK (answered_choice IS NULL OR (answered_choice >= 0 AND answered_choice < jsonb_array_length(choices))),
        answered_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One quiz per checkpoint: a second driver (or a retry) cannot add another.
    await q.query(
      'CREATE UNIQUE INDEX watch_quizzes_conversation_turn_uq ON watch_quizzes (conversation_id, after_turn)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE watch_quizzes');
  }
}
