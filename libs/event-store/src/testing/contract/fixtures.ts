import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '../../event-store.port';

/** The store of the running test; each test gets a fresh, empty one. */
export type CurrentStore = () => EventStore;

/** A story event with a fresh id; `data` defaults to a small report. */
export function reported(data: unknown = { statement: 'The bridge closed', source: 'Harbour Gazette' }, type = 'FactReported'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'contract-test', correlationId: randomUUID(), causationId: null },
  };
}

export function reports(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, index) => reported({ statement: `report ${index}` }));
}

/** A stream id no other test uses, under a story prefix. */
export function storyStream(prefix = 'story-'): string {
  return `${prefix}${randomUUID()}`;
}

export function idsOf(events: readonly { eventId: string }[]): string[] {
  return events.map((event) => event.eventId);
}

/** The next event of a subscription, or a failure naming what was awaited. */
export async function nextWithin(iterator: AsyncIterator<StoredEvent>, ms: number, what: string): Promise<IteratorResult<StoredEvent>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Takes `count` events from a subscription, each within `ms`. */
export async function take(iterator: AsyncIterator<StoredEvent>, count: number, ms = 5000): Promise<StoredEvent[]> {
  const taken: StoredEvent[] = [];
  while (taken.length < count) {
    const next = await nextWithin(iterator, ms, `event ${taken.length + 1} of ${count}`);
    if (next.done) throw new Error(`the subscription ended after ${taken.length} of ${count} events`);
    taken.push(next.value);
  }
  return taken;
}
