import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The router reactor's read model: each inbox's policy, the reports sent to inboxes with the
 * router's proposals and where they stand (the analyst's queue), and the router's state (the
 * document frequencies of features, each story's compact profile, each routed report's
 * features), kept a piece at a time so that it survives a restart. New, so its checkpoint
 * starts at 0 and it reads the whole log once.
 */
export class AddInbox1765500000000 implements MigrationInterface {
  readonly name = 'AddInbox1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE inbox_policies (
        inbox_id uuid NOT NULL CONSTRAINT inbox_policies_pkey PRIMARY KEY,
        name text NOT NULL,
        auto_join_at double precision NOT NULL,
        auto_open boolean NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE inbox_reports (
        report_id uuid NOT NULL CONSTRAINT inbox_reports_pkey PRIMARY KEY,
        inbox_id uuid NOT NULL,
        status text NOT NULL,
        story_id uuid,
        proposals jsonb NOT NULL,
        routed_by text,
        auto_join_at double precision,
        headline text,
        outlet text,
        published_at timestamptz,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX inbox_reports_queue_idx ON inbox_reports (inbox_id, status, position)');
    await runner.query(`
      CREATE TABLE routing_frequencies (
        key text NOT NULL CONSTRAINT routing_frequencies_pkey PRIMARY KEY,
        count integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE routing_profiles (
        story_id uuid NOT NULL CONSTRAINT routing_profiles_pkey PRIMARY KEY,
        profile jsonb NOT NULL,
        norms jsonb
      )`);
    await runner.query(`
      CREATE TABLE routing_report_features (
        report_id uuid NOT NULL CONSTRAINT routing_report_features_pkey PRIMARY KEY,
        story_id uuid,
        features jsonb NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE routing_state (
        router text NOT NULL CONSTRAINT routing_state_pkey PRIMARY KEY,
        reports_seen integer NOT NULL,
        norms_refreshed_at integer NOT NULL,
        generation bigint NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['routing_state', 'routing_report_features', 'routing_profiles', 'routing_frequencies', 'inbox_reports', 'inbox_policies']) await runner.query(`DROP TABLE ${table}`);
  }
}
