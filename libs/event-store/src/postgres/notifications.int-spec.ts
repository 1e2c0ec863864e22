import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import type { NewEvent } from '../event-store.port';
import { nextWithin } from '../testing/contract/fixtures';
import { EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

const report = (): NewEvent => ({
  eventId: randomUUID(),
  type: 'FactReported',
  schemaVersion: 1,
  data: {},
  metadata: { actor: 'test', correlationId: randomUUID(), causationId: null },
});

describe('PostgreSQL subscriptions across processes', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('event_store_notify');
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
  });

  afterAll(() => database.drop());

  it('wakes on another process commit through LISTEN/NOTIFY, not by polling', async () => {
    // A poll interval far beyond the test's patience: only a notification can deliver in time.
    const follower = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 60_000 });
    const writer = new PostgresEventStore({ connectionString: database.url });
    const abort = new AbortController();
    const subscription = follower.subscribeToAll({ signal: abort.signal })[Symbol.asyncIterator]();
    const pending = nextWithin(subscription, 3000, 'notified event');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const event = report();
    const sentAt = Date.now();
    await writer.appendToStream('story-notify', [event], 'no_stream');
    const received = await pending;
    expect(received.value?.eventId).toBe(event.eventId);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    abort.abort();
    await follower.close();
    await writer.close();
  });

  it('ends its subscriptions when the store closes, and refuses work afterwards', async () => {
    const store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 60_000 });
    const subscription = store.subscribeToAll({ after: await store.headPosition() })[Symbol.asyncIterator]();
    const ended = nextWithin(subscription, 3000, 'end after close');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await store.close();
    expect((await ended).done).toBe(true);
    await expect(store.appendToStream('story-closed', [report()], 'any')).rejects.toThrow(/closed/);
  });

  it('finishes the appends already queued when it closes', async () => {
    const store = new PostgresEventStore({ connectionString: database.url });
    const appends = Array.from({ length: 20 }, () => store.appendToStream(`story-${randomUUID()}`, [report()], 'no_stream'));
    await store.close();
    expect((await Promise.allSettled(appends)).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
  });
});
