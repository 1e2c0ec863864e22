import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { GlobalPosition, StoredEvent } from '../event-store.port';

/** The part of the client's `$all` subscription the feed uses. */
export type SubscriptionSource = Pick<AllStreamSubscription, 'on' | 'pause' | 'resume' | 'unsubscribe'>;

export interface FeedOptions {
  /** Events at or before this position are dropped: the server may repeat the one it started from. */
  readonly after: GlobalPosition;
  /** Ends the feed: the user's signal, or the store closing. */
  readonly signal: AbortSignal;
  /** Events buffered before the subscription is paused. */
  readonly highWaterMark: number;
}

/**
 * Turns a KurrentDB `$all` subscription into the port's async iterable: events after
 * `after`, decoded (an event `decode` returns undefined for is skipped), in log order. It ends
 * when the signal aborts, even while waiting for the server; a subscription error ends it
 * with that error once the events received before it are delivered. The subscription is
 * opened on the first `next()` and cancelled however the iteration ends.
 */
export async function* followSubscription(
  open: () => SubscriptionSource,
  decode: (resolved: AllStreamResolvedEvent) => StoredEvent | undefined,
  options: FeedOptions,
): AsyncGenerator<StoredEvent> {
  if (options.signal.aborted) return;
  const inbox = new Inbox(open(), options);
  let after = options.after;
  try {
    for (let resolved = await inbox.next(); resolved; resolved = await inbox.next()) {
      const event = decode(resolved);
      if (!event || event.position <= after) continue;
      yield event;
      after = event.position;
    }
  } finally {
    await inbox.close();
  }
}

/** Buffers what the subscription pushes until the feed pulls it, pausing the source when full. */
class Inbox {
  private readonly queue: AllStreamResolvedEvent[] = [];
  private failure: { error: unknown } | undefined;
  private ended = false;
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly onAbort = (): void => {
    void this.close();
  };

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: FeedOptions,
  ) {
    source.on('data', (resolved: AllStreamResolvedEvent) => {
      this.queue.push(resolved);
      if (this.queue.length >= options.highWaterMark) source.pause();
      this.notify();
    });
    source.on('error', (error: Error) => {
      this.failure = { error };
      this.notify();
    });
    source.on('end', () => this.finish());
    source.on('close', () => this.finish());
    options.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** The next event, or undefined once the feed is over; throws the subscription's error. */
  async next(): Promise<AllStreamResolvedEvent | undefined> {
    for (;;) {
      if (this.closed || this.options.signal.aborted) return undefined;
      const resolved = this.queue.shift();
      if (resolved) {
        if (this.queue.length === 0) this.source.resume();
        return resolved;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.options.signal.removeEventListener('abort', this.onAbort);
    this.notify();
    // A failed cancel leaves nothing to clean up on our side: the feed is over either way.
    await this.source.unsubscribe().catch(() => undefined);
  }

  private finish(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
