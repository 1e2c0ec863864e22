import type { EventStore } from '../event-store.port';
import { appendingContract } from './contract/appending';
import { idempotencyContract } from './contract/idempotency';
import { readingContract } from './contract/reading';
import { subscribingContract } from './contract/subscribing';

/** A fresh, empty store for one test, and how to dispose of it afterwards. */
export type EventStoreFactory = () => Promise<{ store: EventStore; teardown(): Promise<void> }>;

/**
 * The behaviour every {@link EventStore} adapter must show, as one jest `describe` block.
 * Each test gets a fresh, empty store from `factory`. Only the port is tested here, so any
 * adapter (in-memory, PostgreSQL, KurrentDB) can run it unchanged:
 *
 * ```ts
 * eventStoreContract('in-memory', async () => {
 *   const store = new InMemoryEventStore();
 *   return { store, teardown: () => store.close() };
 * });
 * ```
 */
export function eventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let current: Awaited<ReturnType<EventStoreFactory>> | undefined;

    beforeEach(async () => {
      current = await factory();
    });

    afterEach(async () => {
      await current?.teardown();
      current = undefined;
    });

    const store = (): EventStore => {
      if (!current) throw new Error('no store: the contract runs inside its own beforeEach');
      return current.store;
    };

    appendingContract(store);
    readingContract(store);
    idempotencyContract(store);
    subscribingContract(store);
  });
}
