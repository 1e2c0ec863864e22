import { ConcurrencyError, DuplicateEventError, describeExpected } from '../errors';
import type { AppendResult, ExpectedRevision, GlobalPosition } from '../event-store.port';

/** Where an already stored event sits: enough to recognise a retried append. */
export interface StoredPlace {
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly position: GlobalPosition;
}

/** What the store must do with one append, decided against the stream's current state. */
export type AppendDecision =
  | { readonly kind: 'append'; readonly firstRevision: bigint }
  | { readonly kind: 'already_appended'; readonly result: AppendResult };

/**
 * The rules every adapter shares. An append whose event ids are all stored, in this stream,
 * consecutively and in this order, is a retry of one that succeeded: it changes nothing,
 * whatever the stream did since. Some but not all ids stored is a different append reusing
 * ids, which is refused. Otherwise the expected revision must match.
 *
 * @param currentRevision the stream's last revision, or null when it has no events
 * @param storedPlaceOf where an event id is already stored, if it is
 */
export function decideAppend(
  streamId: string,
  eventIds: readonly string[],
  expected: ExpectedRevision,
  currentRevision: bigint | null,
  storedPlaceOf: (eventId: string) => StoredPlace | undefined,
): AppendDecision {
  const places = eventIds.map(storedPlaceOf);
  const storedCount = places.filter((place) => place !== undefined).length;
  if (storedCount === eventIds.length) return { kind: 'already_appended', result: retriedAppend(streamId, eventIds, places as StoredPlace[]) };
  if (storedCount > 0) throw new DuplicateEventError(eventIds[places.findIndex((place) => place !== undefined)], streamId);
  if (!expectationHolds(expected, currentRevision)) {
    throw new ConcurrencyError(streamId, describeExpected(expected), currentRevision === null ? 'no_stream' : currentRevision.toString());
  }
  return { kind: 'append', firstRevision: currentRevision === null ? 0n : currentRevision + 1n };
}

function expectationHolds(expected: ExpectedRevision, currentRevision: bigint | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return currentRevision === null;
  if (expected === 'stream_exists') return currentRevision !== null;
  return currentRevision === expected;
}

function retriedAppend(streamId: string, eventIds: readonly string[], places: readonly StoredPlace[]): AppendResult {
  const first = places[0];
  places.forEach((place, index) => {
    const inPlace = place.streamId === streamId && place.streamRevision === first.streamRevision + BigInt(index);
    if (!inPlace) throw new DuplicateEventError(eventIds[index], streamId);
  });
  const last = places[places.length - 1];
  return {
    nextExpectedRevision: last.streamRevision,
    position: last.position,
    positions: places.map((place) => place.position),
    alreadyAppended: true,
  };
}

/** The result of an append that wrote `count` events from `firstRevision` at `firstPosition`. */
export function appendedResult(firstRevision: bigint, firstPosition: GlobalPosition, count: number): AppendResult {
  const positions = Array.from({ length: count }, (_, index) => firstPosition + BigInt(index));
  return {
    nextExpectedRevision: firstRevision + BigInt(count - 1),
    position: positions[count - 1],
    positions,
    alreadyAppended: false,
  };
}
