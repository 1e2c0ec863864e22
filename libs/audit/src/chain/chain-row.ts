import { chainHash, isChainHash, type ChainedEvent, type ChainedEventContent, type ChainHead } from '@storyline/event-store';

/** One event of the log as stored: the hashed content plus the two stored hashes (as the event store's chain gives it). */
export type ChainRow = ChainedEvent;
export type { ChainHead };

/** A row's global position as a bigint. */
export const positionOf = (row: ChainRow): bigint => BigInt(row.position);

/** True when the row's stored hash is what its content and stored predecessor hash give at `position`. */
export function verifiesAt(row: ChainRow, position: bigint): boolean {
  if (position < 1n || !isChainHash(row.prevHash) || !isChainHash(row.hash)) return false;
  try {
    return chainHash(row.prevHash, { ...row, position: position.toString() }) === row.hash;
  } catch {
    return false;
  }
}

/** The content the hash covers, without the stored hashes. */
export function contentOf(row: ChainRow): ChainedEventContent {
  const { position, eventId, streamId, streamRevision, type, schemaVersion, recordedAt, data, metadata } = row;
  return { position, eventId, streamId, streamRevision, type, schemaVersion, recordedAt, data, metadata };
}
