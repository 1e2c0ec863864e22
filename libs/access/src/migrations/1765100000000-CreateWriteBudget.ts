import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The write rate limit's token buckets, shared by every API instance on the database. */
export class CreateWriteBudget1765100000000 implements MigrationInterface {
  readonly name = 'CreateWriteBudget1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE write_budget (
        actor text NOT NULL CONSTRAINT write_budget_pkey PRIMARY KEY,
        tokens double precision NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE write_budget');
  }
}
