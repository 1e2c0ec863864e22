/**
 * The event store port: the one contract every storage adapter (PostgreSQL, in-memory,
 * KurrentDB) implements and the shared contract suite checks.
 *
 * Streams are ordered by revision, starting at 0 for a stream's first event (as in
 * KurrentDB). The global log is ordered by {@link GlobalPosition}: a follower that reads
 * `after` the last position it handled never skips an event and never sees one twice.
 */

/**
 * A place in the global log. A bigint so that adapters with wider native positions
 * (KurrentDB's commit/prepare pair) can map theirs to it without loss; PostgreSQL's is a
 * gap-free ordinal starting at 1. `0n` means "before the first event".
 */
export type GlobalPosition = bigint;

export const START: GlobalPosition = 0n;

/** What the appender believes about the stream; anything else is a ConcurrencyError. */
export type ExpectedRevision =
  | 'any'
  | 'no_stream'
  | 'stream_exists'
  /** The revision of the stream's last event. */
  | bigint;

/** Metadata every event carries (SPEC: "Write side"). */
export interface EventMetadata {
  /** Who issued the command: an API key id and name, or a system actor. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly idempotencyKey?: string | null;
  /** Anything else an adapter stores verbatim (the extractor's name and version, ...). */
  readonly [key: string]: unknown;
}

/** An event about to be appended. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /**
   * A UUID chosen by the caller so that a retried append is recognised and changes nothing.
   * Stores hand it back in lower case.
   */
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as stored, with where and when it was stored. */
export interface StoredEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly position: GlobalPosition;
  /** The recorded clock: when the store committed it; never decreases along the log. */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** The stream's revision after the append (its last event's revision). */
  readonly nextExpectedRevision: bigint;
  /** The global position of the append's last event. */
  readonly position: GlobalPosition;
  /** The positions of the appended events, in order. */
  readonly positions: readonly GlobalPosition[];
  /** True when every event id was already stored by an earlier identical append. */
  readonly alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); default 0. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; default {@link START}. */
  readonly after?: GlobalPosition;
  /** The largest batch to return; adapters may return fewer. */
  readonly maxCount: number;
  /** Only events whose stream id starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeOptions extends Omit<ReadAllOptions, 'maxCount'> {
  readonly batchSize?: number;
  /** Stops the subscription; the iterator then ends. */
  readonly signal?: AbortSignal;
}

export interface EventStore {
  /**
   * Appends atomically: all of `events` or none. Throws ConcurrencyError on a stale `expected`,
   * DuplicateEventError when some (not all) event ids are already stored, and
   * InvalidAppendError, before touching storage, for an append no store could keep.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; an empty array for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * The revision of the stream's newest event (what an ETag / If-Match carries), or null for a
   * stream that does not exist; one cheap read, however long the stream.
   */
  streamRevision(streamId: string): Promise<bigint | null>;
  /** One batch of the global log in position order. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * Reads the global log after a position, then follows it live until the signal aborts or
   * the store closes. A failed read ends the iteration with its error: subscribe again after
   * the last position handled.
   */
  subscribeToAll(options: SubscribeOptions): AsyncIterable<StoredEvent>;
  /** The position of the newest event in the log ({@link START} when empty). */
  headPosition(): Promise<GlobalPosition>;
  close(): Promise<void>;
}

/** Nest injection token for the configured {@link EventStore}. */
export const EVENT_STORE = Symbol('EVENT_STORE');
