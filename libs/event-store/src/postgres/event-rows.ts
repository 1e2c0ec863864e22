import type { StoredEvent } from '../event-store.port';

/**
 * Bigints travel as text and become BigInt here. The text aliases shadow the columns in
 * ORDER BY, so queries must order by `events.position`, never a bare `position`.
 */
export const EVENT_COLUMNS = `position::text AS position, event_id::text AS event_id, stream_id,
  stream_revision::text AS stream_revision, type, schema_version, data, metadata, recorded_at`;

export interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamRevision: BigInt(row.stream_revision),
    position: BigInt(row.position),
    recordedAt: row.recorded_at,
  };
}
