import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys, stored as SHA-256 of the secret: the secret itself is shown once and never kept. */
export class CreateApiKeys1764600000000 implements MigrationInterface {
  readonly name = 'CreateApiKeys1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_keys (
        id uuid NOT NULL CONSTRAINT api_keys_pkey PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CONSTRAINT api_keys_role_check CHECK (role IN ('reader', 'editor', 'auditor', 'admin')),
        secret_sha256 text NOT NULL CONSTRAINT api_keys_secret_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        revoked_at timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE api_keys');
  }
}
