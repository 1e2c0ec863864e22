import type { StoredEvent } from '@storyline/event-store';
import { BatchReader } from './batch-reader';

const event = (position: number): StoredEvent =>
  ({ position: BigInt(position), type: 'StoryOpened' }) as unknown as StoredEvent;

/** A subscription whose events arrive when the test pushes them, like a live log. */
class LiveLog implements AsyncIterator<StoredEvent> {
  private readonly ready: StoredEvent[] = [];
  private waiting: ((result: IteratorResult<StoredEvent>) => void) | null = null;
  private ended = false;

  push(...events: StoredEvent[]): void {
    for (const next of events) {
      if (this.waiting) {
        const wake = this.waiting;
        this.waiting = null;
        wake({ value: next, done: false });
      } else this.ready.push(next);
    }
  }

  end(): void {
    this.ended = true;
    this.waiting?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<StoredEvent>> {
    const next = this.ready.shift();
    if (next) return Promise.resolve({ value: next, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

const positions = (batch: StoredEvent[] | null): number[] | null => batch && batch.map((one) => Number(one.position));
const never = new Promise<void>(() => undefined);

describe('BatchReader', () => {
  it('takes what is at hand, up to the limit, without waiting for more', async () => {
    const log = new LiveLog();
    log.push(event(1), event(2), event(3), event(4), event(5));
    const reader = new BatchReader(log, 3);
    expect(positions(await reader.next(never))).toEqual([1, 2, 3]);
    expect(positions(await reader.next(never))).toEqual([4, 5]);
    const waiting = reader.next(never);
    log.push(event(6));
    expect(positions(await waiting)).toEqual([6]);
  });

  it('loses nothing pulled while it decided not to wait', async () => {
    const log = new LiveLog();
    log.push(event(1));
    const reader = new BatchReader(log, 10);
    expect(positions(await reader.next(never))).toEqual([1]);
    log.push(event(2), event(3));
    expect(positions(await reader.next(never))).toEqual([2, 3]);
  });

  it('answers null when the subscription ends or the runner stops', async () => {
    const ended = new LiveLog();
    ended.end();
    expect(await new BatchReader(ended, 10).next(never)).toBeNull();
    expect(await new BatchReader(new LiveLog(), 10).next(Promise.resolve())).toBeNull();
  });
});
