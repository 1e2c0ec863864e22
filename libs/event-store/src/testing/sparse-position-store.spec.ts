import { eventStoreContract } from './event-store.contract';
import { densePosition, SparsePositionStore, sparsePosition } from './sparse-position-store';

describe('sparse positions', () => {
  it('are above 2^64, strictly increasing, and map back to the dense position at or before them', () => {
    const natives = [1n, 2n, 3n, 4n, 1000n].map(sparsePosition);
    natives.slice(1).forEach((native, index) => expect(native).toBeGreaterThan(natives[index]));
    expect(natives[0]).toBeGreaterThan(1n << 64n);
    expect(natives.map(densePosition)).toEqual([1n, 2n, 3n, 4n, 1000n]);
    expect(densePosition(sparsePosition(3n) - 1n)).toBe(2n);
    expect(densePosition(sparsePosition(3n) + 1n)).toBe(3n);
    expect(densePosition(0n)).toBe(0n);
  });
});

// The fake native log must itself keep the port's promises, or tests over it prove nothing.
eventStoreContract('in-memory with sparse positions', async () => {
  const store = new SparsePositionStore();
  return { store, teardown: () => store.close() };
});
