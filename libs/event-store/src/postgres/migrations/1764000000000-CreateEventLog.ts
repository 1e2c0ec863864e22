import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log: one append-only table in global position order. The database itself
 * refuses to change or remove an event, whoever asks.
 */
export class CreateEventLog1764000000000 implements MigrationInterface {
  readonly name = 'CreateEventLog1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        position bigint PRIMARY KEY CHECK (position > 0),
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL CHECK (stream_id <> ''),
        stream_revision bigint NOT NULL CHECK (stream_revision >= 0),
        type text NOT NULL,
        schema_version int NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (stream_id, stream_revision)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are immutable: % on events is not allowed; append a correcting event instead', TG_OP
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_refuse_update_or_delete BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_are_immutable()`);
    await queryRunner.query(`
      CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE events');
    await queryRunner.query('DROP FUNCTION events_are_immutable()');
  }
}
