import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Membership with history: which story each report belongs to over time (intervals on both
 * the log position and the recorded clock), the membership changes themselves (who, why), every
 * slug a story has held, and where a merged story went. New, so the membership projection's
 * checkpoint starts at 0 and it reads the whole log once (every ReportIngested opens an interval).
 */
export class AddMembership1765400000000 implements MigrationInterface {
  readonly name = 'AddMembership1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE report_memberships (
        report_id uuid NOT NULL,
        story_id uuid NOT NULL,
        home_story_id uuid NOT NULL,
        from_position bigint NOT NULL,
        from_recorded_at timestamptz NOT NULL,
        to_position bigint,
        to_recorded_at timestamptz,
        CONSTRAINT report_memberships_pkey PRIMARY KEY (report_id, from_position)
      )`);
    await runner.query('CREATE INDEX report_memberships_story_idx ON report_memberships (story_id, from_position)');
    await runner.query('CREATE INDEX report_memberships_open_idx ON report_memberships (report_id) WHERE to_position IS NULL');
    await runner.query(`
      CREATE TABLE membership_changes (
        position bigint NOT NULL CONSTRAINT membership_changes_pkey PRIMARY KEY,
        kind text NOT NULL,
        story_id uuid NOT NULL,
        other_story_id uuid,
        report_ids jsonb NOT NULL,
        details jsonb NOT NULL,
        actor text NOT NULL,
        reason text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX membership_changes_story_idx ON membership_changes (story_id, position)');
    await runner.query('CREATE INDEX membership_changes_other_idx ON membership_changes (other_story_id, position)');
    await runner.query('ALTER TABLE stories ADD COLUMN merged_into uuid');
    await runner.query('ALTER TABLE stories ADD COLUMN merged_position bigint');
    await runner.query('ALTER TABLE stories ADD COLUMN merged_at timestamptz');
    await runner.query(`
      CREATE TABLE story_slugs (
        slug text NOT NULL CONSTRAINT story_slugs_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('INSERT INTO story_slugs (slug, story_id, position) SELECT slug, id, position FROM stories');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE story_slugs');
    await runner.query('ALTER TABLE stories DROP COLUMN merged_at');
    await runner.query('ALTER TABLE stories DROP COLUMN merged_position');
    await runner.query('ALTER TABLE stories DROP COLUMN merged_into');
    await runner.query('DROP TABLE membership_changes');
    await runner.query('DROP TABLE report_memberships');
  }
}
