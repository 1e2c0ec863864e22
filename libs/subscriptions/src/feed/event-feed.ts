import type { Position } from '@storyline/story-events';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@storyline/event-store';
import { matches, streamPrefixesFor, toFeedEvent, type EventFilter, type FeedEvent } from './feed-event';

export interface FeedPage {
  readonly events: readonly FeedEvent[];
  /** Pass as `after` for the next page; null when the page reached the head of the log. */
  readonly next: Position | null;
  /** The newest position in the log when the page was read. */
  readonly head: Position;
}

/** Where a live feed writes, and what stops it. */
export interface FeedSink {
  send(event: FeedEvent): void;
  readonly signal: AbortSignal;
}

const READ_BATCH = 1000;
/** A page scans at most this many events for a narrow filter, then hands back a cursor. */
const SCAN_LIMIT = 20_000;

/**
 * The global log for other systems, read only through the EventStore port: a page of the
 * events after a position that pass a filter, or the same followed live.
 */
@Injectable()
export class EventFeed {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async page(after: bigint, limit: number, filter: EventFilter, withMetadata: boolean): Promise<FeedPage> {
    const head = await this.store.headPosition();
    const events: FeedEvent[] = [];
    const streamPrefixes = streamPrefixesFor(filter);
    let cursor = after;
    let scanned = 0;
    while (events.length < limit && cursor < head && scanned < SCAN_LIMIT) {
      const batch = await this.store.readAll({ after: cursor, maxCount: READ_BATCH, streamPrefixes });
      if (batch.length === 0) {
        cursor = head;
        break;
      }
      for (const event of batch) {
        scanned += 1;
        if (event.position > head) break;
        cursor = event.position;
        if (matches(filter, event)) events.push(toFeedEvent(event, withMetadata));
        if (events.length === limit) break;
      }
      if (batch.length < READ_BATCH && events.length < limit) cursor = head;
    }
    return { events, next: cursor < head ? cursor : null, head };
  }

  /** Sends every matching event after `after`, then live ones, until the sink's signal aborts. */
  async follow(after: bigint, filter: EventFilter, withMetadata: boolean, sink: FeedSink): Promise<void> {
    for await (const event of this.events(after, filter, sink.signal)) sink.send(toFeedEvent(event, withMetadata));
  }

  /** The matching stored events after a position, then live. */
  async *events(after: bigint, filter: EventFilter, signal: AbortSignal): AsyncGenerator<StoredEvent> {
    for await (const event of this.store.subscribeToAll({ after, streamPrefixes: streamPrefixesFor(filter), signal })) {
      if (matches(filter, event)) yield event;
    }
  }
}
