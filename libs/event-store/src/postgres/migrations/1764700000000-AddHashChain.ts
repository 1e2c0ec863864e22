import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainHash, GENESIS_HASH, recordedAtText } from '../hash-chain';

const BACKFILL_BATCH = 1000;

interface StoredRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  schema_version: number;
  recorded_at: string;
  data: unknown;
  metadata: unknown;
}

/**
 * Chains every event to its predecessor: `prev_hash` and `hash` columns (see hash-chain.ts).
 * Events stored before this migration are chained here, in position order, as they stand:
 * the chain attests the log from this moment on, not what happened to it before.
 */
export class AddHashChain1764700000000 implements MigrationInterface {
  readonly name = 'AddHashChain1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE events ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea');
    let prevHash = GENESIS_HASH;
    let after = '0';
    for (;;) {
      const rows: StoredRow[] = await queryRunner.query(
        `SELECT position::text AS position, event_id::text AS event_id, stream_id, stream_revision::text AS stream_revision, type,
                schema_version, ${recordedAtText('recorded_at')} AS recorded_at, data, metadata
           FROM events WHERE position > $1 ORDER BY events.position LIMIT $2`,
        [after, BACKFILL_BATCH],
      );
      if (rows.length === 0) break;
      prevHash = await backfill(queryRunner, rows, prevHash);
      after = rows[rows.length - 1].position;
    }
    await queryRunner.query(`
      ALTER TABLE events
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL,
        ADD CONSTRAINT events_hashes_are_sha256 CHECK (octet_length(prev_hash) = 32 AND octet_length(hash) = 32)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE events DROP CONSTRAINT events_hashes_are_sha256, DROP COLUMN hash, DROP COLUMN prev_hash');
  }
}

/**
 * Writes one batch's hashes and returns the last one. The immutability trigger is off for
 * this one UPDATE only; the migration's transaction holds the table's exclusive lock
 * throughout, so no other session ever sees it off.
 */
async function backfill(queryRunner: QueryRunner, rows: readonly StoredRow[], firstPrevHash: string): Promise<string> {
  const positions: string[] = [];
  const prevHashes: string[] = [];
  const hashes: string[] = [];
  let prevHash = firstPrevHash;
  for (const row of rows) {
    const hash = chainHash(prevHash, {
      position: row.position,
      eventId: row.event_id,
      streamId: row.stream_id,
      streamRevision: row.stream_revision,
      type: row.type,
      schemaVersion: row.schema_version,
      recordedAt: row.recorded_at,
      data: row.data,
      metadata: row.metadata,
    });
    positions.push(row.position);
    prevHashes.push(prevHash);
    hashes.push(hash);
    prevHash = hash;
  }
  await queryRunner.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_or_delete');
  await queryRunner.query(
    `UPDATE events SET prev_hash = decode(h.prev_hash, 'hex'), hash = decode(h.hash, 'hex')
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS h(position, prev_hash, hash)
      WHERE events.position = h.position`,
    [positions, prevHashes, hashes],
  );
  await queryRunner.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_or_delete');
  return prevHash;
}
