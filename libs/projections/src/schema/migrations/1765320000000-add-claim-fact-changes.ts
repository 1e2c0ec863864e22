import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims read model keeps the amendments, corrections and retractions of facts, to show
 * each claim as of any instant. The claims checkpoint of an existing database is already past
 * the changes its log holds, so this table starts empty there: run `storyline rebuild claims`
 * to fill it (the API keeps answering meanwhile).
 */
export class AddClaimFactChanges1765320000000 implements MigrationInterface {
  readonly name = 'AddClaimFactChanges1765320000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE claim_fact_changes (
        fact_id uuid NOT NULL,
        position bigint NOT NULL,
        story_id uuid NOT NULL,
        kind text NOT NULL,
        changes jsonb NOT NULL,
        effective_at timestamptz,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT claim_fact_changes_pkey PRIMARY KEY (fact_id, position)
      )`);
    await runner.query('CREATE INDEX claim_fact_changes_story_position_idx ON claim_fact_changes (story_id, position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE claim_fact_changes');
  }
}
