import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The link-proposal reactor finds a new fact's candidates through `link_candidate_keys`. It
 * counted, for every earlier fact sharing any key, how many keys it shared: a content word
 * common in a long story matched thousands of facts, so each fact cost more as the story grew
 * (two thirds of the database's time by the end of a 773-article story). Each key row now
 * carries its fact's log position, indexed, so the reactor reads only the latest facts under
 * each key. Existing rows take their fact's position.
 */
export class AddLinkCandidateKeyPositions1765600000000 implements MigrationInterface {
  readonly name = 'AddLinkCandidateKeyPositions1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE link_candidate_keys ADD COLUMN position bigint');
    await runner.query('UPDATE link_candidate_keys k SET position = c.position FROM link_candidates c WHERE c.fact_id = k.fact_id');
    await runner.query('DELETE FROM link_candidate_keys WHERE position IS NULL');
    await runner.query('ALTER TABLE link_candidate_keys ALTER COLUMN position SET NOT NULL');
    await runner.query('CREATE INDEX link_candidate_keys_latest_idx ON link_candidate_keys (story_id, key, position DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX link_candidate_keys_latest_idx');
    await runner.query('ALTER TABLE link_candidate_keys DROP COLUMN position');
  }
}
