import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { type NewEvent } from '@storyline/event-store';
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { prepareDatabase } from '@storyline/host';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** A throwaway database with the whole schema, its event store and a DataSource. */
export interface LogFixture {
  readonly db: TestDatabase;
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  /** Appends `count` events, one append each, to a story's stream; answers their ids in order. */
  append(story: string, count: number, type?: string): Promise<string[]>;
  close(): Promise<void>;
}

export function testEvent(type = 'FactReported', data: unknown = {}): NewEvent {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata: { actor: 'test', correlationId: randomUUID(), causationId: null } };
}

export async function openLogFixture(prefix: string): Promise<LogFixture> {
  const db = await createTestDatabase(prefix);
  await prepareDatabase(db.url);
  const store = new PostgresEventStore({ connectionString: db.url, pollIntervalMs: 100 });
  const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  return {
    db,
    store,
    dataSource,
    async append(story, count, type = 'FactReported') {
      const ids: string[] = [];
      for (let n = 0; n < count; n += 1) {
        const event = testEvent(type, { n });
        await store.appendToStream(`story-${story}`, [event], 'any');
        ids.push(event.eventId);
      }
      return ids;
    },
    async close() {
      await store.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
