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
import { appendedResult, decideAppend } from '../shared/append-decision';
import { checkCount, prepareAppend, type PreparedEvent } from '../shared/append-validation';
import { Doorbell } from '../shared/doorbell';
import { followLog } from '../shared/follow-log';

/**
 * The event store in one process's memory, for domain unit tests and quick experiments.
 * It passes the same contract as the PostgreSQL adapter; data and metadata go through JSON
 * on the way in, so what a test reads back is what a database would have kept.
 */
export class InMemoryEventStore implements EventStore {
  private readonly doorbell = new Doorbell();
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byEventId = new Map<string, StoredEvent>();
  private closed = false;

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const accepted = prepareAppend(streamId, events).map(parsed);
    const stream = this.streams.get(streamId) ?? [];
    const currentRevision = stream.length === 0 ? null : stream[stream.length - 1].streamRevision;
    const eventIds = accepted.map((event) => event.eventId);
    const decision = decideAppend(streamId, eventIds, expected, currentRevision, (id) => this.byEventId.get(id));
    if (decision.kind === 'already_appended') return decision.result;
    const firstPosition = BigInt(this.log.length + 1);
    const recordedAt = this.nextRecordedAt();
    accepted.forEach((event, index) => {
      const stored: StoredEvent = {
        ...event,
        streamId,
        streamRevision: decision.firstRevision + BigInt(index),
        position: firstPosition + BigInt(index),
        recordedAt,
      };
      this.log.push(stored);
      stream.push(stored);
      this.byEventId.set(stored.eventId, stored);
    });
    this.streams.set(streamId, stream);
    this.doorbell.ring();
    return appendedResult(decision.firstRevision, firstPosition, accepted.length);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    checkCount('maxCount', options.maxCount);
    const fromRevision = options.fromRevision ?? 0n;
    const events = (this.streams.get(streamId) ?? []).filter((event) => event.streamRevision >= fromRevision);
    return events.slice(0, options.maxCount ?? events.length).map(copyOf);
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    this.assertOpen();
    const events = this.streams.get(streamId) ?? [];
    return events.length === 0 ? null : events[events.length - 1].streamRevision;
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    checkCount('maxCount', options.maxCount, 'required');
    const after = options.after ?? START;
    const prefixes = options.streamPrefixes;
    const found: StoredEvent[] = [];
    // Positions are 1-based indexes into the log, so reading after one starts right there.
    for (let index = Number(after < 0n ? 0n : after); index < this.log.length && found.length < options.maxCount; index++) {
      const event = this.log[index];
      if (!prefixes || prefixes.some((prefix) => event.streamId.startsWith(prefix))) found.push(copyOf(event));
    }
    return found;
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<StoredEvent> {
    this.assertOpen();
    return followLog({ readAll: (read) => this.readAll(read), doorbell: this.doorbell, isClosed: () => this.closed }, options, 1000);
  }

  async headPosition(): Promise<GlobalPosition> {
    this.assertOpen();
    return BigInt(this.log.length);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.doorbell.ring();
  }

  private nextRecordedAt(): Date {
    const previous = this.log[this.log.length - 1]?.recordedAt.getTime() ?? 0;
    return new Date(Math.max(Date.now(), previous));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the in-memory event store is closed');
  }
}

function parsed(event: PreparedEvent): NewEvent {
  return { ...event, data: JSON.parse(event.data), metadata: JSON.parse(event.metadata) };
}

/** Readers get their own copy, so a test that mutates what it read cannot rewrite history. */
function copyOf(event: StoredEvent): StoredEvent {
  return { ...event, data: structuredClone(event.data), metadata: structuredClone(event.metadata), recordedAt: new Date(event.recordedAt) };
}
