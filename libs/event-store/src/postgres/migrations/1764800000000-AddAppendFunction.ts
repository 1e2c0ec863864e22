import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_LOCK, LOG_CHANNEL } from '../append-transaction';
import { GENESIS_HASH, recordedAtText } from '../hash-chain';
import { APPENDER_ROLE } from './1764700000001-CreateAppenderRole';

/**
 * `append_event_batch`: a whole group-commit batch in one autocommit statement, so a batch
 * costs one round trip instead of eight. Under the append lock it reads the head, checks
 * every expectation, numbers the events, chains them, inserts them and notifies. It handles
 * only the usual case, and writes nothing otherwise: when an expectation fails it returns
 * nulls; when an event id is already stored the insert fails on the unique index (cheaper
 * than looking first, for what only a retry or a reused id does). Either way the client takes
 * the exact path (commitBatch), which answers retries and errors as before.
 *
 * The client sends each event's data and metadata once, as their canonical JSON (jsonb reads
 * it as it would read the JSON text the exact path stores: same values), with the stream id
 * and type already JSON-quoted; the function assembles canonicalEventFrom's text around them.
 *
 * SECURITY INVOKER (the default): it appends with the caller's rights, so the appender role
 * needs nothing beyond its SELECT and INSERT on events, and EXECUTE grants nothing more. The
 * role gets EXECUTE explicitly too, for databases whose default privileges withhold it from PUBLIC.
 */
export class AddAppendFunction1764800000000 implements MigrationInterface {
  readonly name = 'AddAppendFunction1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION append_event_batch(
        append_streams text[], append_quoted_streams text[], append_slots int[], append_expectations text[], append_sizes int[],
        new_ids uuid[], new_types text[], new_quoted_types text[], new_schema_versions int[], new_data text[], new_metadata text[],
        OUT first_position bigint, OUT first_revisions bigint[]
      ) LANGUAGE plpgsql AS $fn$
      DECLARE
        -- Parsed before the lock is taken.
        data_values jsonb[] := new_data::jsonb[];
        metadata_values jsonb[] := new_metadata::jsonb[];
        head bigint;
        prev bytea;
        recorded timestamptz;
        recorded_text text;
        stream_heads bigint[];
        stream_head bigint;
        i int := 0;
        event_streams text[] := '{}';
        event_revisions bigint[] := '{}';
        prev_hashes bytea[] := '{}';
        hashes bytea[] := '{}';
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK});

        -- Read under the lock, so no other append slips in between. recorded_at never goes
        -- backwards along the log, even if the server's clock is set back. Each stream's last
        -- revision is read at the slot of its first append in the batch.
        SELECT coalesce(last.position, 0), coalesce(last.hash, decode('${GENESIS_HASH}', 'hex')), greatest(clock_timestamp(), last.recorded_at),
               ARRAY(SELECT CASE WHEN s.slot = s.n THEN (SELECT max(e.stream_revision) FROM events e WHERE e.stream_id = s.stream_id) END
                       FROM unnest(append_streams, append_slots) WITH ORDINALITY AS s(stream_id, slot, n) ORDER BY s.n)
          INTO head, prev, recorded, stream_heads
          FROM (SELECT) AS one
          LEFT JOIN LATERAL (SELECT e.position, e.hash, e.recorded_at FROM events e ORDER BY e.position DESC LIMIT 1) AS last ON true;
        recorded_text := ${recordedAtText('recorded')};

        -- In queue order, each append against the stored log plus the appends before it, as planBatch does;
        -- its events numbered and chained.
        first_revisions := '{}';
        FOR a IN 1 .. cardinality(append_streams) LOOP
          stream_head := stream_heads[append_slots[a]];
          IF (CASE append_expectations[a]
                WHEN 'any' THEN true
                WHEN 'no_stream' THEN stream_head IS NULL
                WHEN 'stream_exists' THEN stream_head IS NOT NULL
                ELSE stream_head = append_expectations[a]::bigint
              END) IS NOT TRUE THEN
            first_revisions := NULL;
            RETURN;
          END IF;
          first_revisions[a] := coalesce(stream_head + 1, 0);
          stream_heads[append_slots[a]] := first_revisions[a] + append_sizes[a] - 1;
          FOR k IN 0 .. append_sizes[a] - 1 LOOP
            i := i + 1;
            event_streams[i] := append_streams[a];
            event_revisions[i] := first_revisions[a] + k;
            -- canonicalEventFrom's text: members in sorted order; uuids, digits and the recorded time need no escaping.
            prev_hashes[i] := prev;
            prev := sha256(convert_to(
              encode(prev, 'hex') || '{"data":' || new_data[i] || ',"eventId":"' || new_ids[i]::text || '","metadata":' || new_metadata[i]
                || ',"position":"' || (head + i)::text || '","recordedAt":"' || recorded_text || '","schemaVersion":' || new_schema_versions[i]::text
                || ',"streamId":' || append_quoted_streams[a] || ',"streamRevision":"' || event_revisions[i]::text || '","type":' || new_quoted_types[i] || '}',
              'UTF8'));
            hashes[i] := prev;
          END LOOP;
        END LOOP;

        INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
        SELECT head + e.n, e.event_id, e.stream_id, e.stream_revision, e.type, e.schema_version, e.data, e.metadata, recorded, e.prev_hash, e.hash
          FROM unnest(new_ids, event_streams, event_revisions, new_types, new_schema_versions, data_values, metadata_values, prev_hashes, hashes)
               WITH ORDINALITY AS e(event_id, stream_id, stream_revision, type, schema_version, data, metadata, prev_hash, hash, n);
        PERFORM pg_notify('${LOG_CHANNEL}', (head + i)::text);
        first_position := head + 1;
      END
      $fn$`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${APPENDER_ROLE}') THEN
          GRANT EXECUTE ON FUNCTION append_event_batch TO ${APPENDER_ROLE};
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION append_event_batch');
  }
}
