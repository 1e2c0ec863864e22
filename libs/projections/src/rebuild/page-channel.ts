/**
 * A bounded queue between one producer and one consumer: `push` waits while `capacity`
 * items are waiting, `pop` while none is. Items come out once each, in the order they went
 * in. `end` lets the consumer drain what is left and then get `undefined`; `fail` wakes
 * both sides with the error, and every later call throws it.
 */
export class PageChannel<T> {
  private readonly items: T[] = [];
  private ended = false;
  private failure: { readonly error: unknown } | null = null;
  private wakeProducer: (() => void) | null = null;
  private wakeConsumer: (() => void) | null = null;

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number >= 1, got ${capacity}`);
  }

  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.failure) await new Promise<void>((wake) => (this.wakeProducer = wake));
    if (this.failure) throw this.failure.error;
    if (this.ended) throw new Error('push after end');
    this.items.push(item);
    this.wake('consumer');
  }

  /** The next item, or undefined once the channel has ended and is drained. */
  async pop(): Promise<T | undefined> {
    while (this.items.length === 0 && !this.ended && !this.failure) await new Promise<void>((wake) => (this.wakeConsumer = wake));
    if (this.failure) throw this.failure.error;
    const item = this.items.shift();
    this.wake('producer');
    return item;
  }

  end(): void {
    this.ended = true;
    this.wake('consumer');
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.items.length = 0;
    this.wake('producer');
    this.wake('consumer');
  }

  private wake(side: 'producer' | 'consumer'): void {
    const wake = side === 'producer' ? this.wakeProducer : this.wakeConsumer;
    if (side === 'producer') this.wakeProducer = null;
    else this.wakeConsumer = null;
    wake?.();
  }
}
