import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The link-proposal reactor's own read model: each fact as it now stands, the keys it can be
 * matched by (entities, actors, content words), and the proposals with their status (the
 * analyst's queue). New, so its checkpoint starts at 0 and it reads the whole log once.
 */
export class AddLinkCandidates1765200000000 implements MigrationInterface {
  readonly name = 'AddLinkCandidates1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE link_candidates (
        fact_id uuid NOT NULL CONSTRAINT link_candidates_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        report_id uuid NOT NULL,
        statement text NOT NULL,
        entities jsonb NOT NULL,
        modality text NOT NULL,
        retracted boolean NOT NULL DEFAULT false,
        position bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE link_candidate_keys (
        story_id uuid NOT NULL,
        key text NOT NULL,
        fact_id uuid NOT NULL,
        CONSTRAINT link_candidate_keys_pkey PRIMARY KEY (story_id, key, fact_id)
      )`);
    await runner.query('CREATE INDEX link_candidate_keys_fact_idx ON link_candidate_keys (fact_id)');
    await runner.query(`
      CREATE TABLE link_proposals (
        link_id uuid NOT NULL CONSTRAINT link_proposals_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        from_fact_id uuid NOT NULL,
        to_fact_id uuid NOT NULL,
        kind text NOT NULL,
        score double precision NOT NULL,
        reason text NOT NULL,
        status text NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX link_proposals_story_idx ON link_proposals (story_id, position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE link_proposals');
    await runner.query('DROP TABLE link_candidate_keys');
    await runner.query('DROP TABLE link_candidates');
  }
}
