import { ConcurrencyError, type AppendResult, type EventStore, type StoredEvent } from '@storyline/event-store';
import { DomainError } from '@storyline/story-events';
import { newId } from '@storyline/story-events';
import { SCHEMA_VERSIONS, type StorylineEvent } from '@storyline/story-events';
import { toDomainEvent } from '@storyline/story-events';
import { Mutex } from 'async-mutex';
import { backOff } from 'exponential-backoff';
import { LRUCache } from 'lru-cache';
import type { CommandContext } from './command-context';

/**
 * How a stream's past folds into the state its decisions read. `evolve` may change the
 * state it is given in place (and return it): the runner gives it only states of its own.
 */
export interface Fold<State, Event extends StorylineEvent> {
  /** A fresh state for a stream with no events. */
  initial(): State;
  evolve(state: State, event: Event, stored: StoredEvent): State;
}

export interface StreamDecision<Event extends StorylineEvent, Result> {
  readonly events: readonly Event[];
  /** Metadata to store with every event of this decision, beyond the command context's. */
  readonly metadata?: Record<string, unknown>;
  readonly result: (appended: AppendResult | null) => Result;
}

export interface Decided<Result> {
  readonly result: Result;
  readonly appended: AppendResult | null;
  /** The global position of the stream's newest event after the decision (0 for none). */
  readonly lastPosition: bigint;
  /** The stream's revision after the command (the appended one, or as read when nothing was); null for no stream. */
  readonly revision: bigint | null;
}

/** A stream's stored events, upcast and folded into a fresh state. */
export function foldEvents<State, Event extends StorylineEvent>(fold: Fold<State, Event>, events: readonly StoredEvent[]): State {
  return events.reduce((acc, stored) => fold.evolve(acc, toDomainEvent(stored) as Event, stored), fold.initial());
}

export interface StreamDeciderOptions {
  /** Folded streams kept in memory (least recently used go first); default 1,000. */
  readonly cachedStreams?: number;
  /** Commands that may wait for one stream before the next is refused as STORY.BUSY; default 256. */
  readonly maxQueued?: number;
  /** Attempts when another process appended meanwhile (each re-reads only the tail); default 10. */
  readonly conflictAttempts?: number;
}

/** A stream folded up to a revision: what the cache keeps. */
interface Folded {
  readonly fold: Fold<unknown, StorylineEvent>;
  state: unknown;
  /** The revision of the last event folded; null for a stream with none. */
  revision: bigint | null;
  lastPosition: bigint;
}

/**
 * Decides commands on streams: one at a time per stream inside this process (a queue per
 * stream, so writers on one story never race each other), on a state folded once and then
 * extended with only the events appended after the revision it reflects. Another process's
 * append (a second API, the link-proposal reactor) shows up as a conflict: the runner reads
 * the new tail and decides again, with backoff. Clients see a conflict only for their own
 * If-Match (412), and STORY.BUSY (503, Retry-After) only when the queue or the retries run out.
 */
export class StreamDecider {
  private readonly folded: LRUCache<string, Folded>;
  private readonly locks = new Map<string, { mutex: Mutex; waiting: number }>();
  private readonly maxQueued: number;
  private readonly conflictAttempts: number;
  /** Events read from the store to decide commands (a figure for tests and metrics). */
  eventsRead = 0;

  constructor(
    private readonly store: EventStore,
    options: StreamDeciderOptions = {},
  ) {
    this.folded = new LRUCache({ max: options.cachedStreams ?? 1_000 });
    this.maxQueued = options.maxQueued ?? 256;
    this.conflictAttempts = options.conflictAttempts ?? 10;
  }

  /**
   * Folds the stream (from the cache and its tail), checks If-Match, lets the pure `decide`
   * choose events, and appends them with the revision folded, so that a concurrent writer's
   * events are never overwritten.
   */
  async decide<State, Event extends StorylineEvent, Result>(
    streamId: string,
    fold: Fold<State, Event>,
    context: CommandContext,
    decide: (state: State) => StreamDecision<Event, Result>,
  ): Promise<Decided<Result>> {
    return this.serialised(streamId, () =>
      backOff(() => this.attempt(streamId, fold, context, decide), {
        numOfAttempts: this.conflictAttempts,
        startingDelay: 5,
        timeMultiple: 2,
        maxDelay: 200,
        jitter: 'full',
        retry: (error) => error instanceof ConcurrencyError,
      }).catch((error: unknown) => {
        if (error instanceof ConcurrencyError) {
          throw new DomainError('STORY.BUSY', `${streamId} kept changing while this command was decided; try again`);
        }
        throw error;
      }),
    );
  }

  private async attempt<State, Event extends StorylineEvent, Result>(
    streamId: string,
    fold: Fold<State, Event>,
    context: CommandContext,
    decide: (state: State) => StreamDecision<Event, Result>,
  ): Promise<Decided<Result>> {
    const current = await this.catchUp(streamId, fold);
    const { revision } = current;
    if (context.expectedRevision !== null && context.expectedRevision !== revision) {
      throw staleVersion(streamId, context.expectedRevision, revision);
    }
    const decision = decide(current.state as State);
    if (decision.events.length === 0) return { result: decision.result(null), appended: null, lastPosition: current.lastPosition, revision };
    try {
      const appended = await this.store.appendToStream(streamId, decision.events.map((event) => toNewEvent(event, context, decision.metadata)), revision === null ? 'no_stream' : revision);
      return { result: decision.result(appended), appended, lastPosition: appended.position, revision: appended.nextExpectedRevision };
    } catch (error) {
      if (error instanceof ConcurrencyError && context.expectedRevision !== null) throw staleVersion(streamId, context.expectedRevision, null);
      throw error;
    }
  }

  /** The cached fold of a stream, extended with the events stored after it. */
  private async catchUp<State, Event extends StorylineEvent>(streamId: string, fold: Fold<State, Event>): Promise<Folded> {
    let current = this.folded.get(streamId);
    if (current?.fold !== fold) current = { fold: fold as Fold<unknown, StorylineEvent>, state: fold.initial(), revision: null, lastPosition: 0n };
    const tail = await this.store.readStream(streamId, current.revision === null ? {} : { fromRevision: current.revision + 1n });
    this.eventsRead += tail.length;
    if (tail.length > 0) {
      // evolve may change the state in place: a fold that fails halfway must not stay cached.
      this.folded.delete(streamId);
      for (const stored of tail) current.state = fold.evolve(current.state as State, toDomainEvent(stored) as Event, stored);
      const last = tail[tail.length - 1];
      current.revision = last.streamRevision;
      current.lastPosition = last.position;
    }
    this.folded.set(streamId, current);
    return current;
  }

  private async serialised<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    let lock = this.locks.get(streamId);
    if (!lock) this.locks.set(streamId, (lock = { mutex: new Mutex(), waiting: 0 }));
    if (lock.waiting >= this.maxQueued) {
      throw new DomainError('STORY.BUSY', `${lock.waiting} commands are already waiting for ${streamId}; try again shortly`);
    }
    lock.waiting += 1;
    try {
      return await lock.mutex.runExclusive(work);
    } finally {
      lock.waiting -= 1;
      if (lock.waiting === 0) this.locks.delete(streamId);
    }
  }
}

const runners = new WeakMap<EventStore, StreamDecider>();

/** The one {@link StreamDecider} of a store in this process: its cache and queues serve every handler. */
export function streamDeciderFor(store: EventStore): StreamDecider {
  let runner = runners.get(store);
  if (!runner) runners.set(store, (runner = new StreamDecider(store)));
  return runner;
}

/** Decides a command on a stream through the store's {@link StreamDecider}. */
export function decideOnStream<State, Event extends StorylineEvent, Result>(
  store: EventStore,
  streamId: string,
  fold: Fold<State, Event>,
  context: CommandContext,
  decide: (state: State) => StreamDecision<Event, Result>,
): Promise<Decided<Result>> {
  return streamDeciderFor(store).decide(streamId, fold, context, decide);
}

function toNewEvent(event: StorylineEvent, context: CommandContext, metadata: Record<string, unknown> | undefined) {
  return {
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
      ...metadata,
    },
  };
}

function staleVersion(streamId: string, expected: bigint, actual: bigint | null): DomainError {
  const now = actual === null ? 'has moved on' : `is at revision ${actual}`;
  return new DomainError('STORY.VERSION_STALE', `${streamId} ${now}, but If-Match expected revision ${expected}`, 'If-Match');
}
