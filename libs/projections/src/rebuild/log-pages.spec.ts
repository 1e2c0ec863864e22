import type { StoredEvent } from '@storyline/event-store';
import { LogPages } from './log-pages';

const event = (position: number): StoredEvent => ({ position: BigInt(position), type: 'StoryOpened' }) as unknown as StoredEvent;

/** A log of `length` events read in pages of `size`, each read answering after `delay` turns; records what was asked. */
function pagedLog(length: number, size: number, delay = (): number => 0): { read: (after: bigint) => Promise<StoredEvent[]>; asked: bigint[]; reading: () => number } {
  const asked: bigint[] = [];
  let reading = 0;
  const read = async (after: bigint): Promise<StoredEvent[]> => {
    asked.push(after);
    reading++;
    for (let turn = delay(); turn > 0; turn--) await new Promise((resolve) => setImmediate(resolve));
    reading--;
    const first = Number(after) + 1;
    return Array.from({ length: Math.max(0, Math.min(size, length - first + 1)) }, (_, index) => event(first + index));
  };
  return { read, asked, reading: () => reading };
}

async function drain(pages: LogPages, between: () => Promise<void> = async () => undefined): Promise<number[][]> {
  const seen: number[][] = [];
  for (let page = await pages.next(); page; page = await pages.next()) {
    seen.push(page.map((one) => Number(one.position)));
    await between();
  }
  return seen;
}

const turns = (count: number) => async (): Promise<void> => {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('LogPages', () => {
  it('hands over every position after the start exactly once, in order, up to the end of the log', async () => {
    const log = pagedLog(23, 5);
    const seen = await drain(new LogPages(log.read, 0n, 100n));
    expect(seen.flat()).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
    expect(seen.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
    expect(log.asked).toEqual([0n, 5n, 10n, 15n, 20n, 23n]);
  });

  it('stops once a page reaches the end it was given, without reading further', async () => {
    const log = pagedLog(100, 5);
    const seen = await drain(new LogPages(log.read, 7n, 18n));
    expect(seen).toEqual([
      [8, 9, 10, 11, 12],
      [13, 14, 15, 16, 17],
      [18, 19, 20, 21, 22],
    ]);
    expect(log.asked).toEqual([7n, 12n, 17n]);
  });

  it('reads one page ahead while the caller works, never more, and never skips or repeats whatever the timing', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      let state = seed;
      const random = (): number => (state = (state * 48271) % 2147483647) % 4;
      const log = pagedLog(61, 1 + (seed % 7), random);
      const pages = new LogPages(log.read, 0n, 61n);
      let mostAtOnce = 0;
      const seen = await drain(pages, async () => {
        mostAtOnce = Math.max(mostAtOnce, log.reading());
        await turns(random())();
      });
      expect(seen.flat()).toEqual(Array.from({ length: 61 }, (_, index) => index + 1));
      expect(mostAtOnce).toBeLessThanOrEqual(1);
      expect(new Set(log.asked).size).toBe(log.asked.length);
    }
  });

  it('has the next page under way while the caller applies the current one', async () => {
    const log = pagedLog(10, 4, () => 1);
    const pages = new LogPages(log.read, 0n, 10n);
    await pages.next();
    expect(log.asked).toEqual([0n, 4n]);
    expect(log.reading()).toBe(1);
    await pages.close();
  });

  it('reports a failed read ahead on the next call, not before, and not as an unhandled rejection', async () => {
    let calls = 0;
    const read = async (after: bigint): Promise<StoredEvent[]> => {
      if (++calls === 2) throw new Error('connection lost');
      return [event(Number(after) + 1)];
    };
    const pages = new LogPages(read, 0n, 10n);
    expect((await pages.next())?.map((one) => one.position)).toEqual([1n]);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(pages.next()).rejects.toThrow('connection lost');
  });

  it('is done at once for a start at or past the end, and after close', async () => {
    const log = pagedLog(10, 4);
    expect(await new LogPages(log.read, 10n, 10n).next()).toBeNull();
    const pages = new LogPages(log.read, 0n, 10n);
    await pages.next();
    await pages.close();
    expect(await pages.next()).toBeNull();
    expect(log.asked).toEqual([0n, 4n]);
  });
});
