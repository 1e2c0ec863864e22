import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims read model keeps the amendments, corrections and retractions of facts, to show
 * each claim as of any instant. The log already holds such events, so the claims projection
 * starts over from 0 (its tables emptied) and reads them with the rest.
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
    await resetClaims(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE claim_fact_changes');
    await resetClaims(runner);
  }
}

async function resetClaims(runner: QueryRunner): Promise<void> {
  await runner.query('TRUNCATE claims, claim_keys, claim_members, claim_reports, claim_contradictions');
  await runner.query("DELETE FROM projection_checkpoints WHERE name = 'claims'");
}
