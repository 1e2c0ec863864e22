import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The source-alias reactor's own read model: each name a story credits (by its key with titles,
 * case and punctuation set aside, and the surname or anonymous group it is matched by), and
 * the proposals with their status (the analyst's queue). New, so its checkpoint starts at 0
 * and it reads the whole log once.
 */
export class AddSourceAliasProposals1765330000000 implements MigrationInterface {
  readonly name = 'AddSourceAliasProposals1765330000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE source_alias_names (
        story_id uuid NOT NULL,
        name_key text NOT NULL,
        name text NOT NULL,
        entity_type text,
        match_key text,
        fact_id uuid NOT NULL,
        position bigint NOT NULL,
        CONSTRAINT source_alias_names_pkey PRIMARY KEY (story_id, name_key)
      )`);
    await runner.query('CREATE INDEX source_alias_names_match_idx ON source_alias_names (story_id, match_key, position)');
    await runner.query(`
      CREATE TABLE source_alias_proposals (
        proposal_id uuid NOT NULL CONSTRAINT source_alias_proposals_pkey PRIMARY KEY,
        story_id uuid NOT NULL,
        alias text NOT NULL,
        canonical text NOT NULL,
        rule text NOT NULL,
        rules text NOT NULL,
        score double precision NOT NULL,
        evidence_fact_ids uuid[] NOT NULL,
        status text NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX source_alias_proposals_story_idx ON source_alias_proposals (story_id, position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE source_alias_proposals');
    await runner.query('DROP TABLE source_alias_names');
    await runner.query("DELETE FROM projection_checkpoints WHERE name = 'source-alias-proposer'");
  }
}
