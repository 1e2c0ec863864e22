import type { Position } from './values';

/**
 * The one crossing between a log position (bigint) and the number JSON carries. Positions
 * beyond 2^53 cannot be sent as JSON numbers without losing digits, so the crossing refuses
 * them loudly instead of answering a wrong position.
 */
export function positionToJson(position: Position): number {
  if (position < 0n || position > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`log position ${position} cannot be sent as a JSON number`);
  }
  return Number(position);
}

/**
 * The HTTP edge's JSON replacer (`app.set('json replacer', …)`): any bigint an answer carries
 * (positions, revisions) becomes a JSON number through the same guard, so a reader may answer
 * a `Position` as it is and nothing ever sends a rounded one.
 */
export function bigintsAsJson(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? positionToJson(value) : value;
}

/** A stream revision as JSON carries it (the same guard: a revision counts one stream's events). */
export function revisionToJson(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`stream revision ${revision} cannot be sent as a JSON number`);
  }
  return Number(revision);
}

/** A position that came in as a JSON number or numeric string (already checked to be whole and >= 0). */
export function positionFromJson(value: number | string): Position {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`${value} is not a log position`);
  return BigInt(value);
}

/** Orders two positions (or revisions) for `sort`: negative, zero or positive, like `a - b`. */
export function comparePositions(a: Position, b: Position): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * JSON text of an answer, with every bigint sent through {@link bigintsAsJson}: what the CLI's
 * `--json` output and the event streams (SSE) write, so they carry the same numbers as the API.
 */
export function answerToJson(value: unknown, space?: number): string {
  return JSON.stringify(value, bigintsAsJson, space);
}
