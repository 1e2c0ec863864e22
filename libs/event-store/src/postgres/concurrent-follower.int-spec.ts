import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import type { AppendResult, ExpectedRevision, NewEvent, StoredEvent } from '../event-store.port';
import { EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

const WRITERS = 8;
const LANES_PER_WRITER = 4;
const EVENTS_PER_LANE = 160;
const SHARED_STREAMS = ['story-shared-a', 'story-shared-b'];

interface Appended {
  readonly events: readonly NewEvent[];
  readonly result: AppendResult;
}

function reportsOf(count: number, writer: number): NewEvent[] {
  return Array.from({ length: count }, () => ({
    eventId: randomUUID(),
    type: 'FactReported',
    schemaVersion: 1,
    data: { writer, statement: 'a report' },
    metadata: { actor: `writer-${writer}`, correlationId: randomUUID(), causationId: null },
  }));
}

/** One in-flight append at a time over its own streams, and now and then onto a shared one. */
async function lane(store: PostgresEventStore, writer: number, laneNo: number): Promise<Appended[]> {
  const revisions = new Map<string, bigint>();
  const own = [0, 1, 2].map((n) => `story-w${writer}-l${laneNo}-${n}`);
  const appended: Appended[] = [];
  let written = 0;
  for (let turn = 0; written < EVENTS_PER_LANE; turn++) {
    const shared = turn % 5 === 4;
    const stream = shared ? SHARED_STREAMS[turn % 2] : own[turn % own.length];
    const events = reportsOf(Math.min(1 + (turn % 5), EVENTS_PER_LANE - written), writer);
    const known = revisions.get(stream);
    const expected: ExpectedRevision = shared ? 'any' : known === undefined ? 'no_stream' : known;
    const result = await store.appendToStream(stream, events, expected);
    revisions.set(stream, result.nextExpectedRevision);
    appended.push({ events, result });
    written += events.length;
  }
  return appended;
}

/** Follows the log from the start up to and including the event with id `lastEventId`. */
async function follow(store: PostgresEventStore, lastEventId: string, signal: AbortSignal): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  for await (const event of store.subscribeToAll({ signal, batchSize: 200 })) {
    seen.push(event);
    if (event.eventId === lastEventId) break;
  }
  return seen;
}

describe('a follower among concurrent writers in separate processes', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('event_store_follower');
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
  });

  afterAll(() => database.drop());

  it('sees every event exactly once, gap-free, in commit order', async () => {
    const writers = Array.from({ length: WRITERS }, () => new PostgresEventStore({ connectionString: database.url, poolSize: 3 }));
    const followerStore = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    const abort = new AbortController();
    const giveUp = setTimeout(() => abort.abort(), 15_000);
    const [closing] = reportsOf(1, 0);
    const started = Date.now();
    const following = follow(followerStore, closing.eventId, abort.signal);
    const lanes = writers.flatMap((store, writer) => Array.from({ length: LANES_PER_WRITER }, (_, n) => lane(store, writer, n)));
    const appended = (await Promise.all(lanes)).flat();
    const writeMs = Date.now() - started;
    const head = await followerStore.headPosition();
    // Written after every writer finished, so the follower has seen all once it sees this.
    await writers[0].appendToStream('story-closing', [closing], 'no_stream');
    const total = appended.reduce((sum, append) => sum + append.events.length, 1);
    const seen = await following;
    clearTimeout(giveUp);
    const followMs = Date.now() - started;
    await Promise.all([...writers, followerStore].map((store) => store.close()));

    expect(head).toBe(BigInt(total - 1));
    expect(seen).toHaveLength(total);
    expect(seen.map((event) => event.position)).toEqual(Array.from({ length: total }, (_, index) => BigInt(index + 1)));
    expect(new Set(seen.map((event) => event.eventId)).size).toBe(total);
    expectStreamsInRevisionOrder(seen);
    expectReportedPositionsMatch(appended, seen);
    seen.slice(1).forEach((event, index) => expect(event.recordedAt.getTime()).toBeGreaterThanOrEqual(seen[index].recordedAt.getTime()));
    console.log(`${total} events from ${WRITERS * LANES_PER_WRITER} lanes in ${writeMs} ms (${Math.round((total * 1000) / writeMs)} events/s); follower done at ${followMs} ms`);
  }, 20_000);
});

function expectStreamsInRevisionOrder(seen: readonly StoredEvent[]): void {
  const next = new Map<string, bigint>();
  const outOfOrder = seen.filter((event) => {
    const expected = next.get(event.streamId) ?? 0n;
    next.set(event.streamId, event.streamRevision + 1n);
    return event.streamRevision !== expected;
  });
  expect(outOfOrder).toEqual([]);
}

function expectReportedPositionsMatch(appended: readonly Appended[], seen: readonly StoredEvent[]): void {
  const positionOf = new Map(seen.map((event) => [event.eventId, event.position]));
  const mismatched = appended.filter(({ events, result }) => {
    const positions = events.map((event) => positionOf.get(event.eventId));
    return result.alreadyAppended || positions.some((position, index) => position !== result.positions[index]);
  });
  expect(mismatched).toEqual([]);
}
