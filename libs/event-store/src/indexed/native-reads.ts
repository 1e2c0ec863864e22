import type { EventStore, GlobalPosition, StoredEvent } from '../event-store.port';

/** What the index says about one event: enough to find it in the native log and to know it again. */
export interface IndexPlace {
  readonly position: GlobalPosition;
  readonly nativePosition: GlobalPosition;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: bigint;
}

/**
 * One read of the native log: a run of dense positions is one `$all` read after the native
 * position of the event before the run; events of one stream at consecutive revisions are
 * one stream read.
 */
export type NativeRead =
  | { readonly kind: 'log'; readonly places: readonly IndexPlace[] }
  | { readonly kind: 'stream'; readonly streamId: string; readonly places: readonly IndexPlace[] };

/**
 * How to fetch the native events of some index places with few reads. A page of the log
 * (consecutive dense positions) becomes one `$all` read; what is left (a story's events
 * scattered along the log, an audit page filtered by actor) is read stream by stream.
 */
export function planNativeReads(places: readonly IndexPlace[]): NativeRead[] {
  const reads: NativeRead[] = [];
  const scattered: IndexPlace[] = [];
  for (const run of runsOf(places, (previous, next) => next.position === previous.position + 1n)) {
    if (run.length > 1) reads.push({ kind: 'log', places: run });
    else scattered.push(run[0]);
  }
  const byStream = new Map<string, IndexPlace[]>();
  for (const place of scattered) byStream.set(place.streamId, [...(byStream.get(place.streamId) ?? []), place]);
  for (const [streamId, inStream] of byStream) {
    const ordered = [...inStream].sort((a, b) => (a.streamRevision < b.streamRevision ? -1 : a.streamRevision > b.streamRevision ? 1 : 0));
    for (const run of runsOf(ordered, (previous, next) => next.streamRevision === previous.streamRevision + 1n)) reads.push({ kind: 'stream', streamId, places: run });
  }
  return reads;
}

/** True when the native event is the one the index says sits at `place`. */
export function isIndexedEvent(place: IndexPlace, event: StoredEvent): boolean {
  return (
    event.position === place.nativePosition && event.eventId === place.eventId && event.streamId === place.streamId && event.streamRevision === place.streamRevision
  );
}

/**
 * Fetches the native events that index places point at. A place whose native event is
 * missing, or is not the event the index names there, is left out of the answer: callers
 * that serve the log treat that as an error, the audit as a broken link.
 */
export async function readNativeEvents(
  native: EventStore,
  places: readonly IndexPlace[],
  nativePositionsAt: (positions: readonly GlobalPosition[]) => Promise<Map<GlobalPosition, GlobalPosition>>,
): Promise<Map<GlobalPosition, StoredEvent>> {
  const reads = planNativeReads(places);
  const before = reads.flatMap((read) => (read.kind === 'log' && read.places[0].position > 1n ? [read.places[0].position - 1n] : []));
  const predecessors = before.length > 0 ? await nativePositionsAt(before) : new Map<GlobalPosition, GlobalPosition>();
  const found = new Map<GlobalPosition, StoredEvent>();
  await Promise.all(
    reads.map(async (read) => {
      const events = read.kind === 'stream' ? await readStreamRun(native, read.streamId, read.places) : await readLogRun(native, read.places, predecessors);
      for (const place of read.places) {
        const event = events.get(place.nativePosition);
        if (event && isIndexedEvent(place, event)) found.set(place.position, event);
      }
    }),
  );
  return found;
}

async function readStreamRun(native: EventStore, streamId: string, places: readonly IndexPlace[]): Promise<Map<GlobalPosition, StoredEvent>> {
  const events = await native.readStream(streamId, { fromRevision: places[0].streamRevision, maxCount: places.length });
  return new Map(events.map((event) => [event.position, event]));
}

/** Reads `$all` from the event before the run to the run's last event; a run whose predecessor is unknown is read by stream. */
async function readLogRun(native: EventStore, places: readonly IndexPlace[], predecessors: Map<GlobalPosition, GlobalPosition>): Promise<Map<GlobalPosition, StoredEvent>> {
  const first = places[0].position;
  const start = first === 1n ? 0n : predecessors.get(first - 1n);
  if (start === undefined) {
    const perStream = await Promise.all(places.map((place) => readStreamRun(native, place.streamId, [place])));
    return new Map(perStream.flatMap((events) => [...events]));
  }
  const last = places[places.length - 1].nativePosition;
  const events = new Map<GlobalPosition, StoredEvent>();
  for (let after = start; after < last; ) {
    const batch = await native.readAll({ after, maxCount: places.length - events.size || 1 });
    if (batch.length === 0) break;
    for (const event of batch) if (event.position <= last) events.set(event.position, event);
    after = batch[batch.length - 1].position;
  }
  return events;
}

function runsOf<T>(items: readonly T[], continues: (previous: T, next: T) => boolean): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const run = runs[runs.length - 1];
    if (run && continues(run[run.length - 1], item)) run.push(item);
    else runs.push([item]);
  }
  return runs;
}
