import type { StoredEvent } from '@storyline/event-store';

const WOULD_WAIT = Symbol('would wait');
const STOPPED = Symbol('stopped');

const nextTurn = (): Promise<typeof WOULD_WAIT> => new Promise((resolve) => setImmediate(() => resolve(WOULD_WAIT)));

/**
 * Groups a subscription into batches: waits for one event, then takes every event that is
 * already at hand, up to `maxSize`, without waiting for more. A batch is therefore
 * committed as soon as the log is caught up, never held back for company.
 */
export class BatchReader {
  private pending: Promise<IteratorResult<StoredEvent>> | null = null;

  constructor(
    private readonly events: AsyncIterator<StoredEvent>,
    private readonly maxSize: number,
  ) {}

  /** The next batch, or null once the subscription ends or `stopped` settles. */
  async next(stopped: Promise<void>): Promise<StoredEvent[] | null> {
    const first = await Promise.race([this.pull(), stopped.then((): typeof STOPPED => STOPPED)]);
    if (first === STOPPED || first.done) return null;
    this.pending = null;
    const batch = [first.value];
    while (batch.length < this.maxSize) {
      const next = await Promise.race([this.pull(), nextTurn()]);
      if (next === WOULD_WAIT || next.done) break;
      this.pending = null;
      batch.push(next.value);
    }
    return batch;
  }

  /** The one outstanding `next()`; kept across batches so no event is pulled and lost. */
  private pull(): Promise<IteratorResult<StoredEvent>> {
    this.pending ??= this.events.next();
    return this.pending;
  }
}
