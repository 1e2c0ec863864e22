import { createTestDatabase, runMigrations } from '@storyline/database';
import { eventStoreContract } from '../testing/event-store.contract';
import { EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase('event_store_contract');
  await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
  const store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
  return {
    store,
    async teardown() {
      await store.close();
      await database.drop();
    },
  };
});
