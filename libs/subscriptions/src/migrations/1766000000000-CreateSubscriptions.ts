import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions with their checkpoints, and the checkpoints of the other followers
 * of the log (the JetStream publisher). A checkpoint is the last log position a follower
 * has handed on; it lives beside the read models so a restart resumes where it stopped.
 */
export class CreateSubscriptions1766000000000 implements MigrationInterface {
  readonly name = 'CreateSubscriptions1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid NOT NULL CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY,
        url text NOT NULL,
        types text[],
        stories uuid[],
        secret text NOT NULL,
        status text NOT NULL DEFAULT 'active' CONSTRAINT webhook_subscriptions_status_check CHECK (status IN ('active', 'paused', 'failing')),
        checkpoint bigint NOT NULL DEFAULT 0,
        delivered bigint NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        last_error_at timestamptz,
        last_delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE follower_checkpoints (
        name text NOT NULL CONSTRAINT follower_checkpoints_pkey PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE follower_checkpoints');
    await runner.query('DROP TABLE webhook_subscriptions');
  }
}
