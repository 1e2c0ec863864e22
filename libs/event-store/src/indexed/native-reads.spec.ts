import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port';
import { SparsePositionStore } from '../testing/sparse-position-store';
import { planNativeReads, readNativeEvents, type IndexPlace } from './native-reads';

const place = (position: bigint, streamId: string, streamRevision: bigint): IndexPlace => ({ position, nativePosition: position * 1000n, eventId: `e${position}`, streamId, streamRevision });

describe('planNativeReads', () => {
  it('reads runs of consecutive positions from the log, and scattered events stream by stream', () => {
    const places = [place(3n, 'story-a', 0n), place(4n, 'story-b', 0n), place(5n, 'story-a', 1n), place(9n, 'story-a', 2n), place(12n, 'story-c', 0n), place(15n, 'story-a', 3n), place(20n, 'story-a', 7n)];
    const reads = planNativeReads(places).map((read) => [read.kind, read.kind === 'stream' ? read.streamId : '', read.places.map((p) => p.position)]);
    expect(reads).toEqual([
      ['log', '', [3n, 4n, 5n]],
      ['stream', 'story-a', [9n, 15n]],
      ['stream', 'story-a', [20n]],
      ['stream', 'story-c', [12n]],
    ]);
  });

  it('plans nothing for no places', () => {
    expect(planNativeReads([])).toEqual([]);
  });
});

describe('readNativeEvents', () => {
  const event = (): NewEvent => ({ eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data: {}, metadata: { actor: 'unit', correlationId: 'c', causationId: null } });

  it('finds each indexed event in the native log, and leaves out a place that names another event', async () => {
    const native = new SparsePositionStore();
    await native.appendToStream('story-a', [event(), event()], 'no_stream');
    await native.appendToStream('story-b', [event()], 'no_stream');
    await native.appendToStream('story-a', [event()], 1n);
    const all = await native.readAll({ maxCount: 10 });
    const places = all.map((stored, index): IndexPlace => ({ ...stored, nativePosition: stored.position, position: BigInt(index + 1) }));
    const nativeAt = async (positions: readonly bigint[]) => new Map(positions.map((p) => [p, places[Number(p) - 1].nativePosition]));

    const page = await readNativeEvents(native, places.slice(1, 4), nativeAt);
    expect([...page.keys()].sort()).toEqual([2n, 3n, 4n]);
    expect(page.get(3n)?.eventId).toBe(all[2].eventId);

    const scattered = await readNativeEvents(native, [places[0], places[3]], nativeAt);
    expect([scattered.get(1n)?.eventId, scattered.get(4n)?.eventId]).toEqual([all[0].eventId, all[3].eventId]);
    expect(scattered.size).toBe(2);

    const forged = { ...places[2], eventId: randomUUID() };
    const moved = { ...places[1], nativePosition: places[1].nativePosition + 1n };
    const checked = await readNativeEvents(native, [places[0], moved, forged, places[3]], nativeAt);
    expect([...checked.keys()].sort()).toEqual([1n, 4n]);
    await native.close();
  });
});
