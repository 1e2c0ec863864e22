import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read models of stories, timelines and the source ledger, with their checkpoints. */
export class CreateProjections1763800000000 implements MigrationInterface {
  readonly name = 'CreateProjections1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE stories (
        id uuid NOT NULL CONSTRAINT stories_pkey PRIMARY KEY,
        slug text NOT NULL,
        title text NOT NULL,
        opened_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE UNIQUE INDEX stories_slug_key ON stories (slug)');
    await runner.query(`
      CREATE TABLE timeline_entries (
        id uuid NOT NULL CONSTRAINT timeline_entries_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        kind text NOT NULL,
        report_id uuid NOT NULL,
        source text NOT NULL,
        source_key text NOT NULL,
        reported_at timestamptz,
        recorded_at timestamptz NOT NULL,
        occurred_from timestamptz,
        occurred_to timestamptz,
        occurred_precision text,
        statement text,
        attributed_to text,
        modality text,
        evidence_start integer,
        evidence_end integer,
        headline text,
        url text,
        position bigint NOT NULL,
        report_position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX timeline_entries_story_position_idx ON timeline_entries (story_id, position)');
    await runner.query('CREATE INDEX timeline_entries_story_reported_idx ON timeline_entries (story_id, reported_at)');
    await runner.query(`
      CREATE TABLE source_ledger (
        item_kind text NOT NULL,
        item_id uuid NOT NULL,
        role text NOT NULL,
        story_id uuid NOT NULL,
        report_id uuid NOT NULL,
        source_name text NOT NULL,
        source_key text NOT NULL,
        statement text,
        statement_key text,
        reported_at timestamptz,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL,
        CONSTRAINT source_ledger_pkey PRIMARY KEY (item_kind, item_id, role)
      )`);
    await runner.query('CREATE INDEX source_ledger_story_position_idx ON source_ledger (story_id, position)');
    await runner.query(`
      CREATE TABLE sources (
        source_id uuid NOT NULL CONSTRAINT sources_pkey PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        kind text NOT NULL,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE source_aliases (
        source_id uuid NOT NULL,
        alias_key text NOT NULL,
        alias text NOT NULL,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL,
        CONSTRAINT source_aliases_pkey PRIMARY KEY (source_id, alias_key)
      )`);
    await runner.query('CREATE INDEX source_aliases_alias_key_idx ON source_aliases (alias_key)');
    await runner.query(`
      CREATE TABLE projection_checkpoints (
        name text NOT NULL CONSTRAINT projection_checkpoints_pkey PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        events_applied bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['projection_checkpoints', 'source_aliases', 'sources', 'source_ledger', 'timeline_entries', 'stories']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
