import type { Position } from '@storyline/story-events';
import type { ChainRow } from '../chain/chain-row';
import type { ChainFilter } from '@storyline/event-store';

/** Which events an audit log page shows; every filter is optional and they combine with AND. */
export type AuditLogFilter = ChainFilter;

/** One event with all its metadata and its hash, as an auditor reads it. */
export interface AuditLogEntry {
  readonly position: Position;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: bigint;
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
  readonly next: Position | null;
}

/** A page of entries from its rows: `next` is set when the page is full. */
export function auditLogPage(rows: readonly ChainRow[], limit: number): AuditLogPage {
  const events = rows.map(toEntry);
  return { events, next: events.length === limit ? events[events.length - 1].position : null };
}

function toEntry(row: ChainRow): AuditLogEntry {
  const metadata = (typeof row.metadata === 'object' && row.metadata !== null ? row.metadata : {}) as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    position: BigInt(row.position),
    eventId: row.eventId,
    streamId: row.streamId,
    streamRevision: BigInt(row.streamRevision),
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
