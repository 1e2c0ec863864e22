import { positionToJson, revisionToJson } from '@storyline/story-events';
import type { ChainRow } from '../chain/chain-row';
import { CHAIN_COLUMNS, toChainRow, type ChainRecord, type SqlQuery } from '../postgres/sql';

/** Which events an audit log page shows; every filter is optional and they combine with AND. */
export interface AuditLogFilter {
  /** A stream id: `story-<id>` for a story. */
  readonly streamId?: string;
  readonly actor?: string;
  readonly type?: string;
  /** Recorded at or after this instant (ISO-8601). */
  readonly from?: string;
  /** Recorded before this instant (ISO-8601). */
  readonly to?: string;
  /** Only events after this global position. */
  readonly after: bigint;
  readonly limit: number;
}

/** One event with all its metadata and its hash, as an auditor reads it. */
export interface AuditLogEntry {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly type: string;
  readonly schemaVersion: number;
  /** As the hash covers it: UTC with microseconds. */
  readonly recordedAt: string;
  readonly actor: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly idempotencyKey: string | null;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly hash: string;
  readonly prevHash: string;
}

export interface AuditLogPage {
  readonly events: AuditLogEntry[];
  /** Pass as `after` for the next page; null when this page reached the end. */
  readonly next: number | null;
}

/** The table an audit log page reads, and how it names the actor. */
export interface AuditedTable {
  /** `events`, or `log_index`. */
  readonly name: string;
  /** An SQL expression for the event's actor in that table. */
  readonly actor: string;
}

/** The PostgreSQL event log's own table. */
export const EVENTS_TABLE: AuditedTable = { name: 'events', actor: "events.metadata->>'actor'" };

/**
 * The WHERE clause (over `table`, each condition on its columns) and parameters of an audit
 * log page; the page's limit is the last parameter, `$<params.length>`.
 */
export function auditLogQuery(filter: AuditLogFilter, table: AuditedTable): { where: string; params: unknown[] } {
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
 * The audit log reads the events table itself rather than a projection of it: the table is
 * the record under audit, so a copy could only lag behind it or differ from it, and it would
 * store every event twice. Each filter has an index ending in position (migration
 * AddAuditIndexes), so a page is one index range scan.
 */
export class AuditLogReader {
  constructor(private readonly query: SqlQuery) {}

  async page(filter: AuditLogFilter): Promise<AuditLogPage> {
    const { where, params } = auditLogQuery(filter, EVENTS_TABLE);
    const records: ChainRecord[] = await this.query(`SELECT ${CHAIN_COLUMNS} FROM events WHERE ${where} ORDER BY events.position LIMIT $${params.length}`, params);
    return auditLogPage(records.map(toChainRow), filter.limit);
  }
}

/** A page of entries from its rows: `next` is set when the page is full. */
export function auditLogPage(rows: readonly ChainRow[], limit: number): AuditLogPage {
  const events = rows.map(toEntry);
  return { events, next: events.length === limit ? events[events.length - 1].position : null };
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

function toEntry(row: ChainRow): AuditLogEntry {
  const metadata = (typeof row.metadata === 'object' && row.metadata !== null ? row.metadata : {}) as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    position: positionToJson(BigInt(row.position)),
    eventId: row.eventId,
    streamId: row.streamId,
    streamRevision: revisionToJson(BigInt(row.streamRevision)),
    type: row.type,
    schemaVersion: row.schemaVersion,
    recordedAt: row.recordedAt,
    actor: text(metadata.actor),
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
    idempotencyKey: text(metadata.idempotencyKey),
    data: row.data,
    metadata,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}
