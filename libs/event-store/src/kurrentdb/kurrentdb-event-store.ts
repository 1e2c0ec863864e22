import { BACKWARDS, END, KurrentDBClient, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import {
  START,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
} from '../event-store.port';
import { ConcurrencyError } from '../errors';
import { decideAppend } from '../shared/append-decision';
import { checkCount, prepareAppend } from '../shared/append-validation';
import { DEFAULT_SUBSCRIPTION_BATCH } from '../shared/follow-log';
import { checkKurrentDbNames, isSystemEvent, toEventData, toStoredEvent } from './event-codec';
import { logFilter } from './log-filter';
import { readFrom } from './log-position';
import { isStreamNotFound, refusedAppend, toPortError } from './native-errors';
import { KnownStreams, type StreamLedger } from './stream-ledger';
import { toStreamState } from './stream-state';
import { followSubscription } from './subscription-feed';

/** The calls the store makes on KurrentDB's client (a `KurrentDBClient` has them all). */
export type KurrentDbClient = Pick<KurrentDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

/** How the store names its streams and how much it remembers; the defaults suit most uses. */
export interface KurrentDbEventStoreTuning {
  /**
   * Put before every stream name in KurrentDB, and the only streams the store reads from
   * `$all`: several Storyline logs (or test runs) can share one database. Default none.
   */
  readonly streamNamespace?: string;
  /** Streams whose event ids the store keeps in memory to recognise retries cheaply; default 256. */
  readonly knownStreams?: number;
}

/** Where KurrentDB is: a connection string (the store owns that client), or a client its owner closes. */
export type KurrentDbEventStoreOptions = ({ readonly connectionString: string } | { readonly client: KurrentDbClient }) & KurrentDbEventStoreTuning;

/**
 * The event store on KurrentDB (formerly EventStoreDB). Every append carries the expected
 * revision as KurrentDB's `streamState`; positions are `$all` positions packed without loss
 * into one bigint (see `packPosition`); `$all` reads and subscriptions filter on the server.
 *
 * Retries are recognised within a stream, as the port asks, by reading the stream's new events
 * before appending. KurrentDB has no index of event ids across streams, so, unlike the other
 * adapters, it cannot refuse an event id already stored in another stream.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDbClient;
  private readonly ownsClient: boolean;
  private readonly namespace: string;
  private readonly known: KnownStreams;
  private readonly closing = new AbortController();

  constructor(options: KurrentDbEventStoreOptions) {
    this.ownsClient = 'connectionString' in options;
    this.client = 'connectionString' in options ? connect(options.connectionString) : options.client;
    this.namespace = checkNamespace(options.streamNamespace ?? '');
    this.known = new KnownStreams(options.knownStreams ?? 256);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events);
    checkKurrentDbNames(streamId, this.nameOf(streamId), prepared);
    const streamState = toStreamState(expected);
    const eventIds = prepared.map((event) => event.eventId);
    const ledger = await this.catchUp(streamId);
    const decision = decideAppend(streamId, eventIds, expected, ledger.currentRevision(), (id) => ledger.placeOf(id));
    if (decision.kind === 'already_appended') return decision.result;
    try {
      const result = await this.client.appendToStream(this.nameOf(streamId), prepared.map(toEventData), { streamState });
      const refusal = refusedAppend(result, streamId, expected);
      if (refusal) throw refusal;
    } catch (error) {
      return this.afterRefusal(toPortError(error, streamId, expected), streamId, eventIds);
    }
    return { ...(await this.storedAppend(streamId, eventIds)), alreadyAppended: false };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    checkCount('maxCount', options.maxCount);
    if (options.maxCount === 0) return [];
    const fromRevision = options.fromRevision !== undefined && options.fromRevision > 0n ? options.fromRevision : 0n;
    const events = await this.readStreamFrom(streamId, fromRevision, options.maxCount, false);
    this.known.ledger(streamId).record(events);
    return events;
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    this.assertOpen();
    try {
      for await (const { event } of this.client.readStream(this.nameOf(streamId), { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (event) return event.revision;
      }
    } catch (error) {
      if (isStreamNotFound(error)) return null;
      throw error;
    }
    return null;
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    checkCount('maxCount', options.maxCount, 'required');
    if (options.maxCount === 0 || options.streamPrefixes?.length === 0) return [];
    const after = options.after ?? START;
    // One more than asked for, in case the server includes the event at `after` itself.
    const reads = this.client.readAll({ fromPosition: readFrom(after), maxCount: options.maxCount + 1, filter: logFilter(this.namespace, options.streamPrefixes) });
    const found: StoredEvent[] = [];
    for await (const resolved of reads) {
      const event = this.fromLog(resolved);
      if (event && event.position > after) found.push(event);
      if (found.length === options.maxCount) break;
    }
    return found;
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<StoredEvent> {
    this.assertOpen();
    const batchSize = options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH;
    checkCount('batchSize', batchSize);
    if (batchSize === 0) throw new RangeError('batchSize must be at least 1');
    const after = options.after ?? START;
    const fromPosition = readFrom(after);
    const signal = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    if (options.streamPrefixes?.length === 0) return untilAborted(signal);
    const filter = logFilter(this.namespace, options.streamPrefixes);
    const open = () => this.client.subscribeToAll({ fromPosition, filter });
    return followSubscription(open, (resolved) => this.fromLog(resolved), { after, signal, highWaterMark: batchSize });
  }

  /** The newest Storyline event's position, read from the end of `$all` past any system events. */
  async headPosition(): Promise<GlobalPosition> {
    this.assertOpen();
    const newestFirst = this.client.readAll({ direction: BACKWARDS, fromPosition: END, filter: logFilter(this.namespace) });
    for await (const resolved of newestFirst) {
      const event = this.fromLog(resolved);
      if (event) return event.position;
    }
    return START;
  }

  /** Ends every subscription, then closes the client if the store opened it. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    if (this.ownsClient) await this.client.dispose();
  }

  /** Reads what the stream gained since the ledger last saw it, from the leader that took the append. */
  private async catchUp(streamId: string): Promise<StreamLedger> {
    const ledger = this.known.ledger(streamId);
    ledger.record(await this.readStreamFrom(streamId, ledger.nextRevision, undefined, true));
    return ledger;
  }

  /** After a refusal: a concurrent identical append may have stored these very events. */
  private async afterRefusal(error: unknown, streamId: string, eventIds: readonly string[]): Promise<AppendResult> {
    if (!(error instanceof ConcurrencyError)) throw error;
    const ledger = await this.catchUp(streamId);
    if (!eventIds.every((id) => ledger.placeOf(id))) throw error;
    return this.storedAppend(streamId, eventIds);
  }

  /** The result for events now in the stream, taken from where a fresh read finds them. */
  private async storedAppend(streamId: string, eventIds: readonly string[]): Promise<AppendResult> {
    const ledger = await this.catchUp(streamId);
    const missing = eventIds.find((id) => !ledger.placeOf(id));
    if (missing) throw new Error(`KurrentDB acknowledged the append to ${streamId}, but reading the stream does not show event ${missing}`);
    const decision = decideAppend(streamId, eventIds, 'any', ledger.currentRevision(), (id) => ledger.placeOf(id));
    if (decision.kind !== 'already_appended') throw new Error(`the events appended to ${streamId} are not where KurrentDB put them`);
    return decision.result;
  }

  private async readStreamFrom(streamId: string, fromRevision: bigint, maxCount: number | undefined, requiresLeader: boolean): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const { event } of this.client.readStream(this.nameOf(streamId), { fromRevision, maxCount, requiresLeader })) {
        if (event) events.push(toStoredEvent(event, streamId));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  /** A `$all` event as the port's, or undefined for one that is not this store's. */
  private fromLog({ event }: AllStreamResolvedEvent): StoredEvent | undefined {
    if (!event || isSystemEvent(event) || !event.streamId.startsWith(this.namespace)) return undefined;
    return toStoredEvent(event, event.streamId.slice(this.namespace.length));
  }

  private nameOf(streamId: string): string {
    return `${this.namespace}${streamId}`;
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new Error('the KurrentDB event store is closed');
  }
}

/**
 * The KurrentDB event store for a connection string such as
 * `kurrentdb://kurrentdb:2113?tls=false` (what `KURRENTDB_URL` holds). Nothing is contacted
 * until the first call.
 */
export function createKurrentDbEventStore(url: string, tuning: KurrentDbEventStoreTuning = {}): KurrentDbEventStore {
  return new KurrentDbEventStore({ connectionString: url, ...tuning });
}

function connect(connectionString: string): KurrentDBClient {
  try {
    return KurrentDBClient.connectionString(connectionString);
  } catch (error) {
    throw new Error(`not a KurrentDB connection string (expected kurrentdb://host:2113?tls=false): ${(error as Error).message}`);
  }
}

function checkNamespace(namespace: string): string {
  if (namespace.startsWith('$') || namespace.includes('\u0000')) {
    throw new RangeError(`streamNamespace ${JSON.stringify(namespace)} must not start with $ or contain U+0000`);
  }
  return namespace;
}

async function* untilAborted(signal: AbortSignal): AsyncGenerator<StoredEvent> {
  if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
}
