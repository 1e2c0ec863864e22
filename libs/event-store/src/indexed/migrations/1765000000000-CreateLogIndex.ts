import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log index: for an event log kept in another store (KurrentDB), one row per event in
 * that store's `$all` order, giving it a dense position (1, 2, 3, ...) that the read models,
 * the API and the audit use, its native position, what the audit filters on, and its place in
 * the hash chain. Append-only, as the `events` table is. Empty, and unused, while the log
 * lives in PostgreSQL.
 */
export class CreateLogIndex1765000000000 implements MigrationInterface {
  readonly name = 'CreateLogIndex1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE log_index (
        position bigint PRIMARY KEY CHECK (position > 0),
        native_position numeric(39, 0) NOT NULL UNIQUE CHECK (native_position > 0),
        event_id uuid NOT NULL,
        stream_id text NOT NULL CHECK (stream_id <> ''),
        stream_revision bigint NOT NULL CHECK (stream_revision >= 0),
        type text NOT NULL,
        schema_version int NOT NULL,
        actor text,
        recorded_at timestamptz NOT NULL,
        prev_hash bytea NOT NULL,
        hash bytea NOT NULL,
        CONSTRAINT log_index_hashes_are_sha256 CHECK (octet_length(prev_hash) = 32 AND octet_length(hash) = 32),
        UNIQUE (stream_id, stream_revision)
      )`);
    // The audit log's filters and the append path's lookups, each ending in position as for `events`.
    await queryRunner.query('CREATE INDEX log_index_event_id ON log_index (event_id)');
    await queryRunner.query('CREATE INDEX log_index_stream_position ON log_index (stream_id, position)');
    await queryRunner.query('CREATE INDEX log_index_actor_position ON log_index (actor, position)');
    await queryRunner.query('CREATE INDEX log_index_type_position ON log_index (type, position)');
    await queryRunner.query('CREATE INDEX log_index_recorded_at_position ON log_index (recorded_at, position)');
    await queryRunner.query(`
      CREATE FUNCTION log_index_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the log index is append-only: % on log_index is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER log_index_refuse_update_or_delete BEFORE UPDATE OR DELETE ON log_index
        FOR EACH ROW EXECUTE FUNCTION log_index_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER log_index_refuse_truncate BEFORE TRUNCATE ON log_index
        FOR EACH STATEMENT EXECUTE FUNCTION log_index_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE log_index');
    await queryRunner.query('DROP FUNCTION log_index_is_append_only()');
  }
}
