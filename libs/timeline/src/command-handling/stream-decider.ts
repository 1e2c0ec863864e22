import { ConcurrencyError, type AppendResult, type EventStore, type StoredEvent } from '@storyline/event-store';
import { DomainError } from '@storyline/story-events';
import { newId } from '@storyline/story-events';
import { SCHEMA_VERSIONS, type StorylineEvent } from '@storyline/story-events';
import type { CommandContext } from './command-context';
import { toDomainEvent } from '@storyline/story-events';

/** How a stream's past folds into the state its decisions read. */
export interface Fold<State, Event extends StorylineEvent> {
  readonly initial: State;
  evolve(state: State, event: Event, stored: StoredEvent): State;
}

export interface Decision<Event extends StorylineEvent, Result> {
  readonly events: readonly Event[];
  /** Metadata to store with every event of this decision, beyond the command context's. */
  readonly metadata?: Record<string, unknown>;
  readonly result: (appended: AppendResult | null) => Result;
}

export interface Decided<State, Result> {
  readonly result: Result;
  readonly appended: AppendResult | null;
  readonly state: State;
  /** The global position of the stream's newest event after the decision (0 for none). */
  readonly lastPosition: bigint;
  /** The stream's revision after the command (the appended one, or as read when nothing was); null for no stream. */
  readonly revision: bigint | null;
}

/** A stream's stored events, upcast and folded into the state its decisions read. */
export function foldEvents<State, Event extends StorylineEvent>(fold: Fold<State, Event>, events: readonly StoredEvent[]): State {
  return events.reduce((acc, stored) => fold.evolve(acc, toDomainEvent(stored) as Event, stored), fold.initial);
}

/** Retries after a conflict re-read the stream and decide again on the fresh state. */
const CONFLICT_RETRIES = 5;

/**
 * Reads a stream, folds it, lets a pure `decide` choose events, and appends them with
 * the revision it read, so that a concurrent writer's events are never overwritten. A
 * conflict is retried on fresh state, unless the client pinned a revision with If-Match.
 */
export async function decideOnStream<State, Event extends StorylineEvent, Result>(
  store: EventStore,
  streamId: string,
  fold: Fold<State, Event>,
  context: CommandContext,
  decide: (state: State) => Decision<Event, Result>,
): Promise<Decided<State, Result>> {
  for (let attempt = 0; ; attempt++) {
    const past = await store.readStream(streamId);
    const state = foldEvents(fold, past);
    const revision = past.length === 0 ? null : past[past.length - 1].streamRevision;
    if (context.expectedRevision !== null && context.expectedRevision !== revision) {
      throw staleVersion(streamId, context.expectedRevision, revision);
    }
    const decision = decide(state);
    const lastPosition = past.length === 0 ? 0n : past[past.length - 1].position;
    if (decision.events.length === 0) return { result: decision.result(null), appended: null, state, lastPosition, revision };
    try {
      const appended = await store.appendToStream(
        streamId,
        decision.events.map((event) => ({
          eventId: newId(),
          type: event.type,
          schemaVersion: SCHEMA_VERSIONS[event.type],
          data: event.data,
          metadata: {
            actor: context.actor,
            ...(context.actorName ? { actorName: context.actorName } : {}),
            correlationId: context.correlationId,
            causationId: context.commandId,
            idempotencyKey: context.idempotencyKey,
            ...decision.metadata,
          },
        })),
        revision === null ? 'no_stream' : revision,
      );
      return { result: decision.result(appended), appended, state, lastPosition: appended.position, revision: appended.nextExpectedRevision };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (context.expectedRevision !== null) throw staleVersion(streamId, context.expectedRevision, null);
      if (attempt >= CONFLICT_RETRIES) {
        throw new DomainError('STORY.BUSY', `${streamId} kept changing while this command was decided; try again`);
      }
    }
  }
}

function staleVersion(streamId: string, expected: bigint, actual: bigint | null): DomainError {
  const now = actual === null ? 'has moved on' : `is at revision ${actual}`;
  return new DomainError('STORY.VERSION_STALE', `${streamId} ${now}, but If-Match expected revision ${expected}`, 'If-Match');
}
