import type { GlobalPosition, StoredEvent } from '../event-store.port';
import { chainHash, GENESIS_HASH } from '../postgres/hash-chain';

/** The newest row of the log index, or {@link EMPTY_INDEX} before the first. */
export interface IndexHead {
  /** Dense: 1 for the first event of the native log, then 2, 3, ... */
  readonly position: GlobalPosition;
  /** The native store's position of the same event. */
  readonly nativePosition: GlobalPosition;
  readonly hash: string;
  /** The chain's text form (UTC, six fractional digits), or null before the first event. */
  readonly recordedAt: string | null;
}

export const EMPTY_INDEX: IndexHead = { position: 0n, nativePosition: 0n, hash: GENESIS_HASH, recordedAt: null };

/** One row of the `log_index` table. */
export interface IndexRow {
  readonly position: GlobalPosition;
  readonly nativePosition: GlobalPosition;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  /** `metadata.actor` when it is text: what the audit log filters on. */
  readonly actor: string | null;
  /** As the chain hashes it: UTC, six fractional digits. */
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * A JS Date in the chain's recorded-time form, `2026-11-22T09:30:00.123000Z`: what
 * PostgreSQL's `to_char(..., 'US')` gives back for a timestamptz stored from it.
 */
export function chainTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/**
 * The index rows for native events that follow `head` in the native log: the next dense
 * positions, each event hashed onto the chain exactly as the PostgreSQL log hashes its own
 * (docs/audit.md), with the dense position. The recorded time is the native one, but never
 * earlier than the row before it, so it never goes backwards along the log whatever the
 * native servers' clocks did. Throws when the events do not follow the head in order: the
 * native store then broke the promise of its `$all` order, and indexing must stop.
 */
export function planIndexRows(head: IndexHead, events: readonly StoredEvent[]): IndexRow[] {
  const rows: IndexRow[] = [];
  let previous = head;
  for (const event of events) {
    if (event.position <= previous.nativePosition) {
      throw new Error(`the native log gave event ${event.eventId} at position ${event.position}, not after ${previous.nativePosition}: its order cannot be indexed`);
    }
    const native = chainTime(event.recordedAt);
    const recordedAt = previous.recordedAt !== null && previous.recordedAt > native ? previous.recordedAt : native;
    const position = previous.position + 1n;
    const hash = chainHash(previous.hash, {
      position: position.toString(),
      eventId: event.eventId,
      streamId: event.streamId,
      streamRevision: event.streamRevision.toString(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      recordedAt,
      data: event.data,
      metadata: event.metadata,
    });
    const actor = typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
    rows.push({
      position,
      nativePosition: event.position,
      eventId: event.eventId,
      streamId: event.streamId,
      streamRevision: event.streamRevision,
      type: event.type,
      schemaVersion: event.schemaVersion,
      actor,
      recordedAt,
      prevHash: previous.hash,
      hash,
    });
    previous = { position, nativePosition: event.position, hash, recordedAt };
  }
  return rows;
}

/** The head after `rows`, or `head` when there are none. */
export function headAfter(head: IndexHead, rows: readonly IndexRow[]): IndexHead {
  const last = rows[rows.length - 1];
  return last ? { position: last.position, nativePosition: last.nativePosition, hash: last.hash, recordedAt: last.recordedAt } : head;
}

/**
 * Of a batch read from the native log after `readAfter`, the events still to index once the
 * index stands at `head` (another indexer may have moved it meanwhile): those after the head.
 * Throws when the head is one the batch cannot continue (neither where the read started nor
 * one of its events), which only a native log that reordered itself could cause.
 */
export function stillToIndex(head: IndexHead, readAfter: GlobalPosition, batch: readonly StoredEvent[]): StoredEvent[] {
  if (head.nativePosition === readAfter) return [...batch];
  const last = batch[batch.length - 1];
  if (!last || head.nativePosition >= last.position) return [];
  const at = batch.findIndex((event) => event.position === head.nativePosition);
  if (at < 0) {
    throw new Error(`the log index moved to native position ${head.nativePosition}, which the native log did not show between ${readAfter} and ${last.position}`);
  }
  return batch.slice(at + 1);
}
