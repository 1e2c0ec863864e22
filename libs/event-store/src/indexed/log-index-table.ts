import type { Pool, PoolClient } from 'pg';
import type { GlobalPosition } from '../event-store.port';
import { recordedAtText } from '../postgres/hash-chain';
import { EMPTY_INDEX, headAfter, type IndexHead, type IndexRow } from './index-rows';

/**
 * Every indexer, in every process, extends the index under this one transaction-scoped lock,
 * so dense positions are handed out once and in the native log's order. (The PostgreSQL
 * log's append lock is 7_311_425_002; migrations take 7_311_425_001.)
 */
export const INDEX_LOCK = 7_311_425_003;

/** Where an indexed event is, in both logs, and when it counts as recorded. */
export interface IndexedPlace {
  readonly position: GlobalPosition;
  readonly nativePosition: GlobalPosition;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly recordedAt: Date;
}

interface PlaceRecord {
  position: string;
  native_position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  recorded_at: Date;
}

// The text aliases shadow the columns in ORDER BY: order by log_index.position, never a bare position.
const PLACE_COLUMNS = `position::text AS position, native_position::text AS native_position, event_id::text AS event_id,
  stream_id, stream_revision::text AS stream_revision, recorded_at`;

/** The `log_index` table (migration CreateLogIndex): reads, and extension under {@link INDEX_LOCK}. */
export class LogIndexTable {
  constructor(private readonly pool: Pool) {}

  head(): Promise<IndexHead> {
    return readHead(this.pool);
  }

  /** Up to `maxCount` places after a dense position, in order, optionally only under some stream prefixes. */
  async after(after: GlobalPosition, maxCount: number, streamPrefixes?: readonly string[]): Promise<IndexedPlace[]> {
    const { rows } = await this.pool.query<PlaceRecord>(
      `SELECT ${PLACE_COLUMNS} FROM log_index
        WHERE position > $1 AND ($3::text[] IS NULL OR stream_id ^@ ANY($3::text[]))
        ORDER BY log_index.position LIMIT $2`,
      [after.toString(), maxCount, streamPrefixes ?? null],
    );
    return rows.map(toPlace);
  }

  /** The places of the events at these native positions, by native position; unindexed ones are absent. */
  async atNativePositions(natives: readonly GlobalPosition[]): Promise<Map<GlobalPosition, IndexedPlace>> {
    const { rows } = await this.pool.query<PlaceRecord>(`SELECT ${PLACE_COLUMNS} FROM log_index WHERE native_position = ANY($1::numeric[])`, [
      natives.map(String),
    ]);
    return new Map(rows.map((row) => [BigInt(row.native_position), toPlace(row)]));
  }

  /** The native positions of the events at these dense positions, by dense position. */
  async nativePositionsAt(positions: readonly GlobalPosition[]): Promise<Map<GlobalPosition, GlobalPosition>> {
    const { rows } = await this.pool.query<{ position: string; native_position: string }>(
      'SELECT position::text AS position, native_position::text AS native_position FROM log_index WHERE position = ANY($1::bigint[])',
      [positions.map(String)],
    );
    return new Map(rows.map((row) => [BigInt(row.position), BigInt(row.native_position)]));
  }

  /** The streams already holding any of these event ids. */
  async streamsHolding(eventIds: readonly string[]): Promise<{ eventId: string; streamId: string }[]> {
    const { rows } = await this.pool.query<{ event_id: string; stream_id: string }>(
      'SELECT event_id::text AS event_id, stream_id FROM log_index WHERE event_id = ANY($1::uuid[])',
      [eventIds],
    );
    return rows.map((row) => ({ eventId: row.event_id, streamId: row.stream_id }));
  }

  /**
   * In one transaction holding {@link INDEX_LOCK}: reads the head, asks `plan` for the rows
   * that follow it, inserts them. Resolves with the new head; stores nothing if `plan` throws.
   */
  async extend(plan: (head: IndexHead) => IndexRow[]): Promise<IndexHead> {
    const client = await this.pool.connect();
    let failed = false;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [INDEX_LOCK]);
      const head = await readHead(client);
      const rows = plan(head);
      if (rows.length > 0) await insertRows(client, rows);
      await client.query('COMMIT');
      return headAfter(head, rows);
    } catch (error) {
      failed = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(failed);
    }
  }
}

async function readHead(client: Pool | PoolClient): Promise<IndexHead> {
  const { rows } = await client.query<{ position: string; native_position: string; hash: string; recorded_at: string }>(
    `SELECT position::text AS position, native_position::text AS native_position, encode(hash, 'hex') AS hash,
            ${recordedAtText('recorded_at')} AS recorded_at
       FROM log_index ORDER BY log_index.position DESC LIMIT 1`,
  );
  const [row] = rows;
  return row ? { position: BigInt(row.position), nativePosition: BigInt(row.native_position), hash: row.hash, recordedAt: row.recorded_at } : EMPTY_INDEX;
}

async function insertRows(client: PoolClient, rows: readonly IndexRow[]): Promise<void> {
  const column = <T>(pick: (row: IndexRow) => T): T[] => rows.map(pick);
  await client.query(
    `INSERT INTO log_index (position, native_position, event_id, stream_id, stream_revision, type, schema_version, actor, recorded_at, prev_hash, hash)
     SELECT r.position, r.native_position, r.event_id, r.stream_id, r.stream_revision, r.type, r.schema_version, r.actor,
            r.recorded_at::timestamptz, decode(r.prev_hash, 'hex'), decode(r.hash, 'hex')
       FROM unnest($1::bigint[], $2::numeric[], $3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])
            AS r(position, native_position, event_id, stream_id, stream_revision, type, schema_version, actor, recorded_at, prev_hash, hash)`,
    [
      column((row) => row.position.toString()),
      column((row) => row.nativePosition.toString()),
      column((row) => row.eventId),
      column((row) => row.streamId),
      column((row) => row.streamRevision.toString()),
      column((row) => row.type),
      column((row) => row.schemaVersion),
      column((row) => row.actor),
      column((row) => row.recordedAt),
      column((row) => row.prevHash),
      column((row) => row.hash),
    ],
  );
}

function toPlace(row: PlaceRecord): IndexedPlace {
  return {
    position: BigInt(row.position),
    nativePosition: BigInt(row.native_position),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamRevision: BigInt(row.stream_revision),
    recordedAt: row.recorded_at,
  };
}
