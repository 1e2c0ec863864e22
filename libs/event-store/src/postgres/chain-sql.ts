import type { ChainedEvent, ChainFilter } from '../chained-log';
import { recordedAtText } from './hash-chain';

/*
 * Reading the hash chain back from PostgreSQL: the `events` table (PostgresEventStore) and the
 * `log_index` table (IndexedEventStore) select the same columns and filter the same way.
 */

/** Runs one SQL statement and resolves with its rows. */
export type SqlRows = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * The columns of a {@link ChainedEvent} in the `events` table, exactly as the chain hashes them:
 * bigints as text, recorded_at as microsecond UTC text, jsonb parsed by the driver, hashes in hex.
 */
export const CHAIN_COLUMNS = `events.position::text AS position, events.event_id::text AS event_id, events.stream_id,
  events.stream_revision::text AS stream_revision, events.type, events.schema_version,
  ${recordedAtText('events.recorded_at')} AS recorded_at, events.data, events.metadata,
  encode(events.prev_hash, 'hex') AS prev_hash, encode(events.hash, 'hex') AS hash`;

/** A row as {@link CHAIN_COLUMNS} selects it. */
export interface ChainRecord {
  position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  schema_version: number;
  recorded_at: string;
  data: unknown;
  metadata: unknown;
  prev_hash: string | null;
  hash: string | null;
}

/** A selected row as a {@link ChainedEvent}; a missing hash becomes '' (which never verifies). */
export function toChainedEvent(record: ChainRecord): ChainedEvent {
  return {
    position: record.position,
    eventId: record.event_id,
    streamId: record.stream_id,
    streamRevision: record.stream_revision,
    type: record.type,
    schemaVersion: record.schema_version,
    recordedAt: record.recorded_at,
    data: record.data,
    metadata: record.metadata,
    prevHash: record.prev_hash ?? '',
    hash: record.hash ?? '',
  };
}

/** The table a chain page reads, and how it names the actor. */
export interface ChainTable {
  /** `events`, or `log_index`. */
  readonly name: string;
  /** An SQL expression for the event's actor in that table. */
  readonly actor: string;
}

export const EVENTS_TABLE: ChainTable = { name: 'events', actor: "events.metadata->>'actor'" };

/**
 * The WHERE clause (over `table`, each condition on its columns) and parameters of a chain
 * page; the page's limit is the last parameter, `$<params.length>`. Each filter has an index
 * ending in position (migration AddAuditIndexes), so a page is one index range scan.
 */
export function chainPageQuery(filter: ChainFilter, table: ChainTable): { where: string; params: unknown[] } {
  const { name } = table;
  const params: unknown[] = [filter.after.toString()];
  const where = [`${name}.position > $1`];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace('?', `$${params.length}`));
  };
  if (filter.streamId !== undefined) add(`${name}.stream_id = ?`, filter.streamId);
  if (filter.actor !== undefined) add(`${table.actor} = ?`, filter.actor);
  if (filter.type !== undefined) add(`${name}.type = ?`, filter.type);
  if (filter.from !== undefined) {
    add(`${name}.recorded_at >= ?::timestamptz`, filter.from);
    where.push(`${name}.position >= ${firstPositionFrom(name, `$${params.length}`)}`);
  }
  if (filter.to !== undefined) {
    add(`${name}.recorded_at < ?::timestamptz`, filter.to);
    where.push(`${name}.position < ${firstPositionFrom(name, `$${params.length}`)}`);
  }
  params.push(filter.limit);
  return { where: where.join(' AND '), params };
}

/**
 * The position of the first event recorded at or after an instant (beyond the log's end when
 * none is), found in one probe of the (recorded_at, position) index. recorded_at never
 * decreases along the log (the store fixes it under the append lock, and the hash chain
 * covers it), so a time range is a position range: the page then scans only what it returns,
 * where the planner would otherwise walk the log from the start filtering by time.
 */
function firstPositionFrom(table: string, instantParam: string): string {
  return `coalesce((SELECT first.position FROM ${table} AS first WHERE first.recorded_at >= ${instantParam}::timestamptz
    ORDER BY first.recorded_at, first.position LIMIT 1), 9223372036854775807)`;
}
