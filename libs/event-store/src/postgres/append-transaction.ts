import type { PoolClient } from 'pg';
import type { StoredPlace } from '../shared/append-decision';
import { planBatch, type AppendOutcome, type EventColumns, type LogState, type QueuedAppend } from './batch-plan';
import { canonicalBody, chainHashFrom, GENESIS_HASH, recordedAtText } from './hash-chain';

/**
 * Every Storyline process appends under this one transaction-scoped lock, so appends commit
 * one at a time and position order is commit order: a follower reading `position > last`
 * can never pass over an event that commits later with a smaller position.
 */
export const APPEND_LOCK = 7_311_425_002;

/** The channel every commit notifies, with the new head position as payload. */
export const LOG_CHANNEL = 'storyline_events';

/** The newest event's hash, and the recorded time the batch's events get (fixed before hashing). */
interface ChainHead {
  readonly hash: string;
  readonly recordedAt: string;
}

/** Each new event's predecessor hash and own hash, in insertion order. */
interface ChainColumns {
  readonly prevHashes: string[];
  readonly hashes: string[];
}

/**
 * Commits one batch of appends in one transaction: lock, read the log's state, decide each
 * append, chain the accepted events to the log's head hash, insert them in one statement,
 * notify followers. Resolves with each append's outcome; rejects (and stores nothing) when
 * the transaction itself fails. The exact path, taken by the batches that
 * `appendInOneStatement` leaves to it: retries, reused ids, failed expectations.
 */
export async function commitBatch(client: PoolClient, appends: readonly QueuedAppend[]): Promise<AppendOutcome[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const chainHead = await readChainHead(client);
    const plan = planBatch(appends, await readLogState(client, appends, chainHead.position));
    if (plan.rows.positions.length > 0) {
      await insertEvents(client, plan.rows, chainHead.recordedAt, chainColumns(plan.rows, chainHead));
      await client.query('SELECT pg_notify($1, $2)', [LOG_CHANNEL, plan.head.toString()]);
    }
    await client.query('COMMIT');
    return plan.outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Read under the lock, so no other append can slip in between. recorded_at never goes
 * backwards along the log, even if the server's clock is set back.
 */
async function readChainHead(client: PoolClient): Promise<ChainHead & { position: bigint }> {
  const { rows } = await client.query<{ position: string; hash: string; recorded_at: string }>(
    `SELECT coalesce(last.position, 0)::text AS position, coalesce(encode(last.hash, 'hex'), $1) AS hash,
            ${recordedAtText('greatest(clock_timestamp(), last.recorded_at)')} AS recorded_at
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT position, hash, recorded_at FROM events ORDER BY events.position DESC LIMIT 1) AS last ON true`,
    [GENESIS_HASH],
  );
  return { position: BigInt(rows[0].position), hash: rows[0].hash, recordedAt: rows[0].recorded_at };
}

/** Hashes the rows as they will read back: data and metadata parsed from the JSON text jsonb stores. */
function chainColumns(rows: EventColumns, head: ChainHead): ChainColumns {
  const columns: ChainColumns = { prevHashes: [], hashes: [] };
  let prevHash = head.hash;
  rows.positions.forEach((position, index) => {
    const place = {
      position,
      eventId: rows.eventIds[index],
      streamId: rows.streamIds[index],
      streamRevision: rows.streamRevisions[index],
      type: rows.types[index],
      schemaVersion: rows.schemaVersions[index],
      recordedAt: head.recordedAt,
    };
    const hash = chainHashFrom(prevHash, place, rows.bodies[index] ?? canonicalBody(rows.data[index], rows.metadata[index]));
    columns.prevHashes.push(prevHash);
    columns.hashes.push(hash);
    prevHash = hash;
  });
  return columns;
}

async function readLogState(client: PoolClient, appends: readonly QueuedAppend[], head: bigint): Promise<LogState> {
  const streamIds = [...new Set(appends.map((append) => append.streamId))];
  const eventIds = appends.flatMap((append) => append.events.map((event) => event.eventId));
  const revisions = await client.query<{ stream_id: string; revision: string }>(
    `SELECT s.stream_id, last.revision
       FROM unnest($1::text[]) AS s(stream_id)
       CROSS JOIN LATERAL (SELECT max(stream_revision)::text AS revision FROM events e WHERE e.stream_id = s.stream_id) AS last
      WHERE last.revision IS NOT NULL`,
    [streamIds],
  );
  const stored = await client.query<{ event_id: string; stream_id: string; stream_revision: string; position: string }>(
    `SELECT event_id::text, stream_id, stream_revision::text, position::text FROM events WHERE event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  return {
    head,
    revisions: new Map(revisions.rows.map((row) => [row.stream_id, BigInt(row.revision)])),
    places: new Map(
      stored.rows.map((row): [string, StoredPlace] => [
        row.event_id,
        { streamId: row.stream_id, streamRevision: BigInt(row.stream_revision), position: BigInt(row.position) },
      ]),
    ),
  };
}

async function insertEvents(client: PoolClient, rows: EventColumns, recordedAt: string, chain: ChainColumns): Promise<void> {
  await client.query(
    `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
     SELECT e.position, e.event_id, e.stream_id, e.stream_revision, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb,
            $9::timestamptz, decode(e.prev_hash, 'hex'), decode(e.hash, 'hex')
       FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::text[], $10::text[], $11::text[])
            AS e(position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, prev_hash, hash)`,
    [rows.positions, rows.eventIds, rows.streamIds, rows.streamRevisions, rows.types, rows.schemaVersions, rows.data, rows.metadata, recordedAt, chain.prevHashes, chain.hashes],
  );
}
