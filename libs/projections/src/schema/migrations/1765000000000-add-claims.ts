import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims read model. Its projection is new, so its checkpoint starts at 0 and it groups
 * the whole log into these tables: an existing database needs no backfill.
 */
export class AddClaims1765000000000 implements MigrationInterface {
  readonly name = 'AddClaims1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE claims (
        claim_id uuid NOT NULL CONSTRAINT claims_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        statement text NOT NULL,
        words text[] NOT NULL,
        entities text[] NOT NULL,
        occurred_day text,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX claims_story_position_idx ON claims (story_id, position)');
    await runner.query(`
      CREATE TABLE claim_keys (
        claim_id uuid NOT NULL,
        key text NOT NULL,
        story_id uuid NOT NULL,
        position bigint NOT NULL,
        CONSTRAINT claim_keys_pkey PRIMARY KEY (claim_id, key)
      )`);
    await runner.query('CREATE INDEX claim_keys_lookup_idx ON claim_keys (story_id, key, position)');
    await runner.query(`
      CREATE TABLE claim_members (
        fact_id uuid NOT NULL CONSTRAINT claim_members_pkey PRIMARY KEY,
        claim_id uuid NOT NULL,
        story_id uuid NOT NULL,
        report_id uuid NOT NULL,
        outlet text NOT NULL,
        statement text NOT NULL,
        rule text NOT NULL,
        score real NOT NULL,
        occurred_day text,
        extractor text,
        reported_at timestamptz,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX claim_members_story_position_idx ON claim_members (story_id, position)');
    await runner.query(`
      CREATE TABLE claim_reports (
        report_id uuid NOT NULL CONSTRAINT claim_reports_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        outlet text NOT NULL,
        reported_at timestamptz,
        position bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE claim_contradictions (
        link_id uuid NOT NULL CONSTRAINT claim_contradictions_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        from_fact_id uuid NOT NULL,
        to_fact_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX claim_contradictions_story_position_idx ON claim_contradictions (story_id, position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['claim_contradictions', 'claim_reports', 'claim_members', 'claim_keys', 'claims']) await runner.query(`DROP TABLE ${table}`);
  }
}
