import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { Client, type Pool } from 'pg';
import { APPENDER_ROLE, EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

const metadata = { actor: 'test', correlationId: 'role', causationId: null };
const events = (count: number) => Array.from({ length: count }, (_, n) => ({ eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data: { n }, metadata }));

/** The store's own pool, reached past `private` on purpose: the test is about its connections. */
const poolOf = (store: PostgresEventStore): Pool => (store as unknown as { pool: Pool }).pool;

describe('the role the event store appends with', () => {
  let database: TestDatabase;
  let admin: Client;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('event_store_role');
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
    // Migrating a second time, as another database on the same server would, finds the role there already.
    const other = await createTestDatabase('event_store_role_other');
    await runMigrations(other.url, EVENT_STORE_MIGRATIONS);
    await other.drop();
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    await store.appendToStream('story-role', events(3), 'no_stream');
    admin = new Client({ connectionString: database.url });
    await admin.connect();
    // The superuser switches the trigger off, so only the role's rights stand in the way.
    await admin.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_or_delete, DISABLE TRIGGER events_refuse_truncate');
  });

  afterAll(async () => {
    await admin.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_or_delete, ENABLE TRIGGER events_refuse_truncate');
    await admin.end();
    await store.close();
    await database.drop();
  });

  it('is the appender role on every connection of the pool', async () => {
    const pool = poolOf(store);
    const clients = await Promise.all([pool.connect(), pool.connect()]);
    try {
      for (const client of clients) expect((await client.query('SELECT current_user AS role')).rows[0].role).toBe(APPENDER_ROLE);
    } finally {
      clients.forEach((client) => client.release());
    }
  });

  it.each([
    ['UPDATE', `UPDATE events SET data = '{"n": 99}' WHERE position = 2`],
    ['DELETE', 'DELETE FROM events WHERE position = 3'],
    ['TRUNCATE', 'TRUNCATE events'],
  ])('cannot %s events, even with the immutability trigger off', async (_operation, statement) => {
    await expect(poolOf(store).query(statement)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
    expect((await admin.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(3);
  });

  it('still appends and reads', async () => {
    await store.appendToStream('story-role', events(2), 2n);
    expect((await store.readStream('story-role')).map((event) => event.data)).toEqual([0, 1, 2, 0, 1].map((n) => ({ n })));
  });

  it('warns once and appends with the login role when the role cannot be taken on', async () => {
    const warnings: string[] = [];
    const unroled = new PostgresEventStore({ connectionString: database.url, poolSize: 2, appenderRole: 'storyline_no_such_role', warn: (message) => warnings.push(message) });
    await Promise.all([unroled.appendToStream('story-other', events(1), 'no_stream'), unroled.readAll({ maxCount: 10 })]);
    await unroled.close();
    expect(warnings).toEqual([expect.stringContaining('the role storyline_no_such_role does not exist')]);
  });
});
