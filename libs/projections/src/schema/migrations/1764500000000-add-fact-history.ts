import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fact versions (amendments, corrections, retractions), links and verdicts. Their projection
 * is new, so its checkpoint starts at 0 and it builds these tables from the whole log: an
 * existing database needs no backfill.
 */
export class AddFactHistory1764500000000 implements MigrationInterface {
  readonly name = 'AddFactHistory1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE fact_reports (
        report_id uuid NOT NULL CONSTRAINT fact_reports_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        source text NOT NULL,
        reported_at timestamptz,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE fact_versions (
        fact_id uuid NOT NULL,
        position bigint NOT NULL,
        story_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        changes jsonb NOT NULL,
        reason text,
        report_id uuid,
        effective_at timestamptz,
        recorded_at timestamptz NOT NULL,
        actor text,
        CONSTRAINT fact_versions_pkey PRIMARY KEY (fact_id, position)
      )`);
    await runner.query('CREATE INDEX fact_versions_story_position_idx ON fact_versions (story_id, position)');
    await runner.query(`
      CREATE TABLE fact_links (
        link_id uuid NOT NULL CONSTRAINT fact_links_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        from_fact_id uuid NOT NULL,
        to_fact_id uuid NOT NULL,
        kind text NOT NULL,
        reason text,
        actor text,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX fact_links_story_position_idx ON fact_links (story_id, position)');
    await runner.query('CREATE INDEX fact_links_from_fact_idx ON fact_links (from_fact_id)');
    await runner.query('CREATE INDEX fact_links_to_fact_idx ON fact_links (to_fact_id)');
    await runner.query(`
      CREATE TABLE fact_verdicts (
        fact_id uuid NOT NULL,
        position bigint NOT NULL,
        story_id uuid NOT NULL,
        verdict text NOT NULL,
        reason text NOT NULL,
        actor text,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT fact_verdicts_pkey PRIMARY KEY (fact_id, position)
      )`);
    await runner.query('CREATE INDEX fact_verdicts_story_position_idx ON fact_verdicts (story_id, position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['fact_verdicts', 'fact_links', 'fact_versions', 'fact_reports']) await runner.query(`DROP TABLE ${table}`);
    await runner.query("DELETE FROM projection_checkpoints WHERE name = 'fact-history'");
  }
}
