import { recordedAtText } from '@storyline/event-store/postgres';
import type { ChainRow } from '../chain/chain-row';

/** Runs one SQL statement and resolves with its rows: TypeORM's `DataSource.query` fits. */
export type SqlQuery = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * The columns of a {@link ChainRow}, exactly as the chain hashes them: bigints as text,
 * recorded_at as microsecond UTC text, jsonb parsed by the driver, hashes in hex.
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

/** A selected row as a {@link ChainRow}; a missing hash becomes '' (which never verifies). */
export function toChainRow(record: ChainRecord): ChainRow {
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
