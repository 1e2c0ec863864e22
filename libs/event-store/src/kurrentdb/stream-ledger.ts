import type { StoredPlace } from '../shared/append-decision';

/** An event as the ledger needs it: its id and where it is stored. */
export interface LedgerEntry extends StoredPlace {
  readonly eventId: string;
}

/**
 * The event ids of one stream, from revision 0 up to where this process last read it.
 * Stored events never change, so what a ledger knows stays true; it only falls behind,
 * and {@link nextRevision} says where to read on from.
 */
export class StreamLedger {
  private next = 0n;
  private readonly places = new Map<string, StoredPlace>();

  get nextRevision(): bigint {
    return this.next;
  }

  /** The stream's last revision as far as the ledger knows, or null before its first event. */
  currentRevision(): bigint | null {
    return this.next === 0n ? null : this.next - 1n;
  }

  placeOf(eventId: string): StoredPlace | undefined {
    return this.places.get(eventId);
  }

  /** Takes in the events that continue the ledger; events it already has, or after a gap, are left out. */
  record(events: readonly LedgerEntry[]): void {
    for (const event of events) {
      if (event.streamRevision !== this.next) continue;
      this.places.set(event.eventId, { streamId: event.streamId, streamRevision: event.streamRevision, position: event.position });
      this.next++;
    }
  }
}

/**
 * Ledgers of the streams appended to or read most recently, at most `capacity` of them:
 * an append then reads only what its stream gained since, not the whole stream, to tell a
 * retry from a new append.
 */
export class KnownStreams {
  private readonly ledgers = new Map<string, StreamLedger>();

  constructor(private readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`the ledger capacity must be a whole number >= 1, got ${capacity}`);
  }

  /** The stream's ledger, made the most recently used; a new, empty one if none is kept. */
  ledger(streamId: string): StreamLedger {
    const ledger = this.ledgers.get(streamId) ?? new StreamLedger();
    this.ledgers.delete(streamId);
    this.ledgers.set(streamId, ledger);
    if (this.ledgers.size > this.capacity) this.ledgers.delete(this.ledgers.keys().next().value as string);
    return ledger;
  }

  /** How many streams have a ledger. */
  get size(): number {
    return this.ledgers.size;
  }
}
