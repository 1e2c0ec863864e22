import { CONNECT_TIMEOUT_MS, guardPool } from '@storyline/database/connection-faults';
import { Pool } from 'pg';
import type { ChainedEvent, ChainedLog, ChainFilter, ChainHead } from '../chained-log';
import { DuplicateEventError } from '../errors';
import { LogIndexChain } from './index-chain';
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
import { checkCount, prepareAppend } from '../shared/append-validation';
import { Doorbell } from '../shared/doorbell';
import { followLog } from '../shared/follow-log';
import { LogIndexMismatchError } from './errors';
import { LogIndexTable, type IndexedPlace } from './log-index-table';
import { LogIndexer } from './log-indexer';
import { readNativeEvents, type IndexPlace } from './native-reads';
import { NativeWatch } from './native-watch';

/** How the indexed store paces itself; the defaults suit most uses. */
export interface IndexedEventStoreTuning {
  /** How long an append waits for the index to cover it before a LogIndexLagError; default 10,000 ms. */
  readonly appendTimeoutMs?: number;
  /** How often a follower re-reads when the native log rang no bell; default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Native events indexed per transaction; default 500. */
  readonly indexBatchSize?: number;
}

export interface IndexedEventStoreOptions extends IndexedEventStoreTuning {
  /** The store that keeps the events (KurrentDB): its positions may be sparse and as wide as it likes. */
  readonly native: EventStore;
  /** Close the native store with this one; default true. */
  readonly closeNative?: boolean;
  /** The PostgreSQL holding the `log_index` table (LOG_INDEX_MIGRATIONS): a connection string (the store owns that pool) or a pool its owner closes. */
  readonly database: string | Pool;
}

/**
 * The event store port over a native store whose positions are not dense ordinals
 * (KurrentDB's are commit/prepare pairs, packed up to 2^128), presenting the rest of
 * Storyline with a dense log: positions 1, 2, 3, ... in the native `$all` order, as the
 * PostgreSQL log has. The mapping is the log index, a PostgreSQL table that also carries the
 * hash chain, so read models, checkpoints, as-of tokens, the API and the audit see small
 * positions whatever keeps the events.
 *
 * Appends go to the native store, which decides them (expected revision, idempotent event
 * ids); the append then indexes its own events before it answers with their dense positions.
 * Reads take the places from the index and the events from the native store, and refuse to
 * serve an event the two disagree about.
 */
export class IndexedEventStore implements EventStore, ChainedLog {
  private readonly native: EventStore;
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly table: LogIndexTable;
  private readonly indexer: LogIndexer;
  private readonly doorbell = new Doorbell();
  private readonly closing = new AbortController();
  private readonly watch: NativeWatch;
  /** The hash chain as the index keeps it, joined with the native events ({@link ChainedLog}). */
  private readonly chain: LogIndexChain;

  constructor(private readonly options: IndexedEventStoreOptions) {
    this.native = options.native;
    this.ownsPool = typeof options.database === 'string';
    this.pool = typeof options.database === 'string' ? new Pool({ connectionString: options.database, max: 5, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }) : options.database;
    // An idle pooled connection that breaks is dropped by the pool; without a listener it would crash the process.
    if (this.ownsPool) guardPool(this.pool);
    this.table = new LogIndexTable(this.pool);
    this.indexer = new LogIndexer(this.native, this.table, { batchSize: options.indexBatchSize ?? 500, onIndexed: () => this.doorbell.ring() });
    this.watch = new NativeWatch(this.native, this.doorbell, async () => (await this.table.head()).nativePosition, this.closing.signal);
    this.chain = new LogIndexChain(async (sql, params) => (await this.pool.query(sql, params)).rows, this);
  }

  chainHead(): Promise<ChainHead> {
    return this.chain.chainHead();
  }

  chainBatch(after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    return this.chain.chainBatch(after, upTo, limit);
  }

  chainSuccessorsOf(hash: string): Promise<ChainedEvent[]> {
    return this.chain.chainSuccessorsOf(hash);
  }

  chainWithHash(hash: string): Promise<ChainedEvent | null> {
    return this.chain.chainWithHash(hash);
  }

  chainPage(filter: ChainFilter): Promise<ChainedEvent[]> {
    return this.chain.chainPage(filter);
  }

  chainStreamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    return this.chain.chainStreamBatch(streamId, after, upTo, limit);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events);
    await this.refuseIdsStoredElsewhere(streamId, prepared.map((event) => event.eventId));
    const appended = await this.native.appendToStream(streamId, events, expected);
    await this.indexer.cover(appended.positions, this.options.appendTimeoutMs ?? 10_000);
    const places = await this.table.atNativePositions(appended.positions);
    const positions = appended.positions.map((native) => {
      const place = places.get(native);
      if (!place) throw new LogIndexMismatchError(`the appended event at native position ${native} of ${streamId} is not in the index, though the index has passed it`);
      return place.position;
    });
    return { ...appended, position: positions[positions.length - 1], positions };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const events = await this.native.readStream(streamId, options);
    if (events.length === 0) return [];
    const natives = events.map((event) => event.position);
    let places = await this.table.atNativePositions(natives);
    if (places.size < events.length) {
      await this.indexer.catchUp();
      places = await this.table.atNativePositions(natives);
    }
    return events.map((event) => {
      const place = places.get(event.position);
      if (!place) throw new LogIndexMismatchError(`event ${event.eventId} (${streamId}@${event.streamRevision}) is in the native log but not in the index`);
      if (place.eventId !== event.eventId) throw new LogIndexMismatchError(`the index puts event ${place.eventId} at native position ${event.position}, where the native log has ${event.eventId}`);
      return { ...event, position: place.position, recordedAt: place.recordedAt };
    });
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    checkCount('maxCount', options.maxCount, 'required');
    if (options.maxCount === 0 || options.streamPrefixes?.length === 0) return [];
    const after = options.after ?? START;
    let places = await this.table.after(after, options.maxCount, options.streamPrefixes);
    // At the end of the index: index what the native log gained, from whatever process.
    if (places.length < options.maxCount) {
      const before = places.length;
      const head = await this.indexer.catchUp();
      if (head.position > (places[before - 1]?.position ?? after)) places = await this.table.after(after, options.maxCount, options.streamPrefixes);
    }
    return this.withNativeEvents(places);
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<StoredEvent> {
    this.assertOpen();
    const log = {
      readAll: (read: ReadAllOptions) => this.readAll(read),
      doorbell: this.doorbell,
      isClosed: () => this.closing.signal.aborted,
      ensureLive: async () => this.watch.ensure(),
    };
    return followLog(log, options, this.options.pollIntervalMs ?? 1000);
  }

  /** The newest indexed event's dense position, after indexing what the native log holds. */
  /** The native store knows its streams' revisions; the index only adds dense positions. */
  async streamRevision(streamId: string): Promise<bigint | null> {
    this.assertOpen();
    return this.native.streamRevision(streamId);
  }

  async headPosition(): Promise<GlobalPosition> {
    this.assertOpen();
    return (await this.indexer.catchUp()).position;
  }

  /**
   * The native events at these index places, by dense position. A place whose native event
   * is missing or is another event is left out: the audit reads that as a broken link.
   */
  nativeEventsAt(places: readonly IndexPlace[]): Promise<Map<GlobalPosition, StoredEvent>> {
    this.assertOpen();
    return readNativeEvents(this.native, places, (positions) => this.table.nativePositionsAt(positions));
  }

  /** Ends every subscription, then closes the native store (unless told not to) and the pool it opened. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.doorbell.ring();
    if (this.options.closeNative ?? true) await this.native.close();
    if (this.ownsPool) await this.pool.end();
  }

  /**
   * The native store may not see an event id stored in another stream (KurrentDB keeps no
   * such index); the log index does, for every event indexed so far.
   */
  private async refuseIdsStoredElsewhere(streamId: string, eventIds: readonly string[]): Promise<void> {
    const elsewhere = (await this.table.streamsHolding(eventIds)).find((held) => held.streamId !== streamId);
    if (elsewhere) throw new DuplicateEventError(elsewhere.eventId, streamId);
  }

  private async withNativeEvents(places: readonly IndexedPlace[]): Promise<StoredEvent[]> {
    if (places.length === 0) return [];
    const events = await this.nativeEventsAt(places);
    return places.map((place) => {
      const event = events.get(place.position);
      if (!event) throw new LogIndexMismatchError(`the native log has no event ${place.eventId} (${place.streamId}@${place.streamRevision}) at native position ${place.nativePosition}, where the index puts position ${place.position}`);
      return { ...event, position: place.position, recordedAt: place.recordedAt };
    });
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new Error('the indexed event store is closed');
  }
}
