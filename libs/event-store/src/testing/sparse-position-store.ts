import type { AppendResult, EventStore, ExpectedRevision, GlobalPosition, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent, SubscribeOptions } from '../event-store.port';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';

const SPREAD = 65n;

/**
 * The native position a {@link SparsePositionStore} gives the event at dense position `p`:
 * `p × 2^65 + (p mod 3) × 11`. Sparse, strictly increasing, above 2^64 from the first event
 * on (as packed KurrentDB positions are), and beyond PostgreSQL's `bigint` and JSON's exact
 * integers.
 */
export function sparsePosition(position: GlobalPosition): GlobalPosition {
  return position <= 0n ? 0n : (position << SPREAD) + (position % 3n) * 11n;
}

/** The dense position of the last event at or before a native position. */
export function densePosition(native: GlobalPosition): GlobalPosition {
  if (native <= 0n) return 0n;
  const candidate = native >> SPREAD;
  return sparsePosition(candidate) > native ? candidate - 1n : candidate;
}

/**
 * A native event log for tests of what runs over one without a KurrentDB server: the
 * in-memory store, with KurrentDB-like positions (see {@link sparsePosition}). It passes
 * the shared contract itself (sparse-position-store.spec.ts), so whatever fails over it is
 * the fault of what wraps it.
 */
export class SparsePositionStore implements EventStore {
  constructor(private readonly inner: EventStore = new InMemoryEventStore()) {}

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const result = await this.inner.appendToStream(streamId, events, expected);
    return { ...result, position: sparsePosition(result.position), positions: result.positions.map(sparsePosition) };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return (await this.inner.readStream(streamId, options)).map(spread);
  }

  streamRevision(streamId: string): Promise<bigint | null> {
    return this.inner.streamRevision(streamId);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return (await this.inner.readAll({ ...options, after: densePosition(options.after ?? 0n) })).map(spread);
  }

  async *subscribeToAll(options: SubscribeOptions): AsyncIterable<StoredEvent> {
    for await (const event of this.inner.subscribeToAll({ ...options, after: densePosition(options.after ?? 0n) })) yield spread(event);
  }

  async headPosition(): Promise<GlobalPosition> {
    return sparsePosition(await this.inner.headPosition());
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function spread(event: StoredEvent): StoredEvent {
  return { ...event, position: sparsePosition(event.position) };
}
