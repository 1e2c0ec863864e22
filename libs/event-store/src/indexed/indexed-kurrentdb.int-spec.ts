import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { createTestDatabase, runMigrations } from '@storyline/database';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
import { eventStoreContract } from '../testing/event-store.contract';
import { IndexedEventStore } from './indexed-event-store';
import { LOG_INDEX_MIGRATIONS } from './migrations';

// What STORYLINE_EVENT_STORE=kurrentdb runs: the log index over a real KurrentDB. Runs only
// with KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false; each test gets its own stream
// namespace and its own PostgreSQL database, so a shared server looks empty to each.
const url = process.env.KURRENTDB_URL;

if (!url) {
  const reason = 'KURRENTDB_URL is not set; the indexed KurrentDB contract runs only against a real KurrentDB server';
  console.log(`[kurrentdb] skipped: ${reason}`);
  describe.skip(`EventStore contract: indexed over KurrentDB (${reason})`, () => {
    it.skip('passes the shared event-store contract', () => undefined);
  });
} else {
  jest.setTimeout(30_000);
  const client = KurrentDBClient.connectionString(url);
  afterAll(() => client.dispose());

  eventStoreContract('indexed over KurrentDB', async () => {
    const database = await createTestDatabase('log_index_kurrentdb');
    await runMigrations(database.url, LOG_INDEX_MIGRATIONS);
    const native = new KurrentDbEventStore({ client, streamNamespace: `indexed-${randomUUID()}:` });
    const store = new IndexedEventStore({ native, database: database.url, pollIntervalMs: 200 });
    return {
      store,
      async teardown() {
        await store.close();
        await database.drop();
      },
    };
  });
}
