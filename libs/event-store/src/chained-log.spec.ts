import { chainedLogOf, ChainNotKeptError, keepsChain } from './chained-log';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

describe('the hash chain as a capability of the stores that keep one', () => {
  it('refuses a store that keeps no chain with a clear error, naming the store', () => {
    const store = new InMemoryEventStore();
    expect(keepsChain(store)).toBe(false);
    expect(() => chainedLogOf(store)).toThrow(ChainNotKeptError);
    expect(() => chainedLogOf(store)).toThrow(/InMemoryEventStore keeps no hash chain/);
  });

  it('gives the chain of a store that has every chain read', async () => {
    const head = { position: 3n, hash: 'h' };
    const chained = Object.assign(new InMemoryEventStore(), {
      chainHead: async () => head,
      chainBatch: async () => [],
      chainSuccessorsOf: async () => [],
      chainWithHash: async () => null,
      chainPage: async () => [],
      chainStreamBatch: async () => [],
    });
    expect(keepsChain(chained)).toBe(true);
    expect(await chainedLogOf(chained).chainHead()).toBe(head);
    const partial = Object.assign(new InMemoryEventStore(), { chainHead: async () => head });
    expect(() => chainedLogOf(partial)).toThrow(ChainNotKeptError);
  });
});
