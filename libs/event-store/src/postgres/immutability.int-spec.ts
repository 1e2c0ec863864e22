import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { Client } from 'pg';
import { EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

describe('the events table refuses to change history', () => {
  let database: TestDatabase;
  let sql: Client;
  let snapshot: unknown[];

  const allRows = async () => (await sql.query('SELECT * FROM events ORDER BY position')).rows;

  beforeAll(async () => {
    database = await createTestDatabase('event_store_immutability');
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    const metadata = { actor: 'test', correlationId: randomUUID(), causationId: null };
    await store.appendToStream('story-harbour', [1, 2, 3].map((n) => ({ eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data: { n }, metadata })), 'no_stream');
    await store.close();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    snapshot = await allRows();
  });

  afterAll(async () => {
    await sql.end();
    await database.drop();
  });

  afterEach(async () => {
    expect(await allRows()).toEqual(snapshot);
  });

  it.each([
    ['UPDATE', `UPDATE events SET data = '{"n": 99}' WHERE position = 2`],
    ['UPDATE', `UPDATE events SET recorded_at = now() - interval '1 year'`],
    ['DELETE', 'DELETE FROM events WHERE position = 3'],
    ['DELETE', 'DELETE FROM events'],
    ['TRUNCATE', 'TRUNCATE events'],
  ])('refuses %s (%s)', async (operation, statement) => {
    await expect(sql.query(statement)).rejects.toThrow(`events are immutable: ${operation} on events is not allowed`);
  });

  it('still has the three events it started with', () => {
    expect(snapshot).toHaveLength(3);
  });
});
