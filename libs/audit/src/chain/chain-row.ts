import { chainHash, isChainHash, type ChainedEventContent } from '@storyline/event-store/postgres';

/** One event of the log as stored: the hashed content plus the two stored hashes. */
export interface ChainRow extends ChainedEventContent {
  /** The hash this event was chained to: its predecessor's when it was appended. */
  readonly prevHash: string;
  readonly hash: string;
}

/** The newest event's place and hash, or position 0 and the genesis hash for an empty log. */
export interface ChainHead {
  readonly position: bigint;
  readonly hash: string;
}

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
