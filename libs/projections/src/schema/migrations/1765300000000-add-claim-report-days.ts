import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The days each report names in any sentence, kept by the claims projection to rank key
 * developments by later reports looking back at a day. The claims checkpoint of an existing
 * database is already past its reports, so this table starts empty there: run
 * `storyline rebuild claims` to fill it.
 */
export class AddClaimReportDays1765300000000 implements MigrationInterface {
  readonly name = 'AddClaimReportDays1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE claim_report_days (
        report_id uuid NOT NULL,
        day text NOT NULL,
        story_id uuid NOT NULL,
        outlet text NOT NULL,
        reported_at timestamptz,
        recorded_at timestamptz NOT NULL,
        sentences integer NOT NULL,
        first_sentence integer NOT NULL,
        calendar boolean NOT NULL,
        position bigint NOT NULL,
        CONSTRAINT claim_report_days_pkey PRIMARY KEY (report_id, day)
      )`);
    await runner.query('CREATE INDEX claim_report_days_story_position_idx ON claim_report_days (story_id, position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE claim_report_days');
  }
}
