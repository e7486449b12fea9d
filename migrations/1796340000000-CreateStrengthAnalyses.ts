import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStrengthAnalyses1796340000000 implements MigrationInterface {
  name = 'CreateStrengthAnalyses1796340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE strength_analyses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        scores jsonb NOT NULL,
        top_strengths jsonb NOT NULL,
        feedback text NOT NULL,
        based_on_conversations integer NOT NULL CHECK (based_on_conversations > 0),
        conversation_ids jsonb NOT NULL,
        evidence jsonb NOT NULL,
        recommended_scenario_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        locale text NOT NULL CHECK (locale IN ('ja', 'en')),
        input_hash text NOT NULL,
        input_captured_at timestamptz NOT NULL,
        generated_by text NOT NULL CHECK (generated_by IN ('llm', 'heuristic')),
        model text NULL,
        analyzed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX strength_analyses_user_latest_idx ON strength_analyses (user_id, input_captured_at DESC, analyzed_at DESC)',
    );
    await q.query(
      'CREATE UNIQUE INDEX strength_analyses_user_input_uq ON strength_analyses (user_id, input_hash)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE strength_analyses');
  }
}
