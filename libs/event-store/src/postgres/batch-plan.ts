import type { AppendResult, ExpectedRevision, GlobalPosition } from '../event-store.port';
import { appendedResult, decideAppend, type StoredPlace } from '../shared/append-decision';
import type { PreparedEvent } from '../shared/append-validation';
import type { CanonicalBody } from './hash-chain';

/** An event ready to store; its canonical body, when the caller computed it early, spares the append lock that work. */
export interface QueuedEvent extends PreparedEvent {
  readonly body?: CanonicalBody;
}

/** One caller's append, waiting in the group-commit queue. */
export interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly QueuedEvent[];
  readonly expected: ExpectedRevision;
}

/** The log as the batch's transaction found it, under the append lock. */
export interface LogState {
  readonly head: GlobalPosition;
  /** Last revision of each stream the batch touches; absent when the stream has no events. */
  readonly revisions: ReadonlyMap<string, bigint>;
  /** Where the batch's event ids are already stored. */
  readonly places: ReadonlyMap<string, StoredPlace>;
}

/** The columns of the rows to insert, one array per column, as the unnest INSERT takes them. */
export interface EventColumns {
  readonly positions: string[];
  readonly eventIds: string[];
  readonly streamIds: string[];
  readonly streamRevisions: string[];
  readonly types: string[];
  readonly schemaVersions: number[];
  readonly data: string[];
  readonly metadata: string[];
  /** Not a column: each row's canonical body for the hash chain, null when not computed yet. */
  readonly bodies: (CanonicalBody | null)[];
}

export type AppendOutcome = { readonly result: AppendResult } | { readonly error: unknown };

export interface BatchPlan {
  readonly outcomes: AppendOutcome[];
  readonly rows: EventColumns;
  readonly head: GlobalPosition;
}

/**
 * Decides every append of a batch in queue order, each against the stored log plus the
 * appends accepted before it in the same batch, as if they had been committed one by one.
 * An append that fails its check fails alone.
 */
export function planBatch(appends: readonly QueuedAppend[], state: LogState): BatchPlan {
  const revisions = new Map(state.revisions);
  const places = new Map(state.places);
  const rows: EventColumns = { positions: [], eventIds: [], streamIds: [], streamRevisions: [], types: [], schemaVersions: [], data: [], metadata: [], bodies: [] };
  let head = state.head;
  const outcomes = appends.map((append): AppendOutcome => {
    const { streamId, events } = append;
    try {
      const ids = events.map((event) => event.eventId);
      const decision = decideAppend(streamId, ids, append.expected, revisions.get(streamId) ?? null, (id) => places.get(id));
      if (decision.kind === 'already_appended') return { result: decision.result };
      events.forEach((event, index) => {
        const place = { streamId, streamRevision: decision.firstRevision + BigInt(index), position: head + 1n + BigInt(index) };
        places.set(event.eventId, place);
        addRow(rows, event, place);
      });
      const result = appendedResult(decision.firstRevision, head + 1n, events.length);
      revisions.set(streamId, result.nextExpectedRevision);
      head = result.position;
      return { result };
    } catch (error) {
      return { error };
    }
  });
  return { outcomes, rows, head };
}

function addRow(rows: EventColumns, event: QueuedEvent, place: StoredPlace): void {
  rows.positions.push(place.position.toString());
  rows.eventIds.push(event.eventId);
  rows.streamIds.push(place.streamId);
  rows.streamRevisions.push(place.streamRevision.toString());
  rows.types.push(event.type);
  rows.schemaVersions.push(event.schemaVersion);
  rows.data.push(event.data);
  rows.metadata.push(event.metadata);
  rows.bodies.push(event.body ?? null);
}
