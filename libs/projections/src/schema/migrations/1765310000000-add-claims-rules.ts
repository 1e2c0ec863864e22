import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each claim member keeps the name and version of the claims rules that placed it. The members
 * stored before were all placed by the first version of those rules, which the new columns say.
 */
export class AddClaimsRules1765310000000 implements MigrationInterface {
  readonly name = 'AddClaimsRules1765310000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE claim_members ADD COLUMN rules_name text NOT NULL DEFAULT 'storyline-claims', ADD COLUMN rules_version text NOT NULL DEFAULT '1.0.0'");
    await runner.query('ALTER TABLE claim_members ALTER COLUMN rules_name DROP DEFAULT, ALTER COLUMN rules_version DROP DEFAULT');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE claim_members DROP COLUMN rules_version, DROP COLUMN rules_name');
  }
}
