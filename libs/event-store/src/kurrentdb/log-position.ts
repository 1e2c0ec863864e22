import { START as KURRENT_START, type Position } from '@kurrent/kurrentdb-client';
import { START, type GlobalPosition } from '../event-store.port';

const HALF = 64n;
const HALF_LIMIT = 1n << HALF;
const LOW_MASK = HALF_LIMIT - 1n;
const PACKED_LIMIT = 1n << (2n * HALF);

/** The largest value either half of a KurrentDB position can take (both are uint64 on the wire). */
export const MAX_POSITION_PART = LOW_MASK;

/**
 * KurrentDB's place of an event in `$all` as one port position: `commit * 2^64 + prepare`.
 * Both halves are uint64, so the prepare half never carries into the commit half: the
 * mapping is one-to-one, and packed values compare exactly as `$all` orders positions
 * (commit first, then prepare). `{0, 0}` packs to {@link START}; no event is stored there.
 */
export function packPosition(position: Position): GlobalPosition {
  checkPart('commit', position.commit);
  checkPart('prepare', position.prepare);
  return (position.commit << HALF) | position.prepare;
}

/** The commit/prepare pair that {@link packPosition} packed into `position`. */
export function unpackPosition(position: GlobalPosition): Position {
  if (typeof position !== 'bigint' || position < 0n || position >= PACKED_LIMIT) {
    throw new RangeError(`${String(position)} is not a KurrentDB position packed by this adapter (0 to 2^128 - 1)`);
  }
  return { commit: position >> HALF, prepare: position & LOW_MASK };
}

/**
 * Where a read or subscription that must deliver events strictly after `after` starts.
 * The server may include the event at that position, so callers still drop every event at
 * or before `after`. Positions at or below {@link START} mean "from the beginning", as they
 * do for the other adapters.
 */
export function readFrom(after: GlobalPosition): typeof KURRENT_START | Position {
  return after <= START ? KURRENT_START : unpackPosition(after);
}

function checkPart(name: string, value: bigint): void {
  if (typeof value !== 'bigint' || value < 0n || value > LOW_MASK) {
    throw new RangeError(`KurrentDB ${name} position ${String(value)} is outside 0 to 2^64 - 1`);
  }
}
