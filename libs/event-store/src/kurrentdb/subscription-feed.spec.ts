import { PassThrough } from 'node:stream';
import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import type { StoredEvent } from '../event-store.port';
import { followSubscription, type SubscriptionSource } from './subscription-feed';

/** A client subscription stand-in: an object-mode stream the test writes resolved events into. */
function subscription() {
  const stream = new PassThrough({ objectMode: true });
  const unsubscribe = jest.fn(async () => undefined);
  return { stream, unsubscribe, source: Object.assign(stream, { unsubscribe }) as unknown as SubscriptionSource };
}

const resolved = (position: bigint, type = 'FactReported') => ({ event: { position, type } }) as unknown as AllStreamResolvedEvent;
const decode = ({ event }: AllStreamResolvedEvent) =>
  (event?.type.startsWith('$') ? undefined : { position: (event as unknown as { position: bigint }).position, eventId: String(event?.position) }) as StoredEvent | undefined;

async function next(iterator: AsyncIterator<StoredEvent>, ms = 1000): Promise<IteratorResult<StoredEvent>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms)));
  try {
    return await Promise.race([iterator.next(), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('following a KurrentDB $all subscription', () => {
  it('delivers decoded events strictly after the checkpoint, skipping what decode drops', async () => {
    const { stream, source } = subscription();
    const feed = followSubscription(() => source, decode, { after: 20n, signal: new AbortController().signal, highWaterMark: 10 });
    [resolved(20n), resolved(25n), resolved(27n, '$>'), resolved(30n), resolved(30n)].forEach((event) => stream.write(event));
    expect((await next(feed)).value?.position).toBe(25n);
    expect((await next(feed)).value?.position).toBe(30n);
    stream.write(resolved(31n));
    expect((await next(feed)).value?.position).toBe(31n);
  });

  it('opens the subscription only when first pulled', async () => {
    const { stream, source } = subscription();
    const open = jest.fn(() => source);
    const feed = followSubscription(open, decode, { after: 0n, signal: new AbortController().signal, highWaterMark: 10 });
    expect(open).not.toHaveBeenCalled();
    stream.write(resolved(1n));
    await next(feed);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ends promptly when aborted while waiting, and cancels the subscription', async () => {
    const { source, unsubscribe } = subscription();
    const abort = new AbortController();
    const feed = followSubscription(() => source, decode, { after: 0n, signal: abort.signal, highWaterMark: 10 });
    const pending = next(feed);
    await new Promise((resolve) => setTimeout(resolve, 20));
    abort.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('delivers what arrived before a failure, then ends with the failure', async () => {
    const { stream, source, unsubscribe } = subscription();
    const feed = followSubscription(() => source, decode, { after: 0n, signal: new AbortController().signal, highWaterMark: 10 });
    stream.write(resolved(1n));
    const first = next(feed);
    expect((await first).value?.position).toBe(1n);
    stream.emit('error', new Error('connection reset'));
    await expect(next(feed)).rejects.toThrow('connection reset');
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('pauses the subscription when its buffer is full and resumes it once drained', async () => {
    const { stream, source } = subscription();
    const feed = followSubscription(() => source, decode, { after: 0n, signal: new AbortController().signal, highWaterMark: 2 });
    stream.write(resolved(1n));
    await next(feed);
    [2n, 3n, 4n].forEach((position) => stream.write(resolved(position)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.isPaused()).toBe(true);
    expect((await next(feed)).value?.position).toBe(2n);
    expect((await next(feed)).value?.position).toBe(3n);
    expect(stream.isPaused()).toBe(false);
    expect((await next(feed)).value?.position).toBe(4n);
  });

  it('cancels the subscription when the consumer stops early, and ends when the server ends it', async () => {
    const first = subscription();
    const feed = followSubscription(() => first.source, decode, { after: 0n, signal: new AbortController().signal, highWaterMark: 10 });
    first.stream.write(resolved(1n));
    await next(feed);
    await feed.return(undefined);
    expect(first.unsubscribe).toHaveBeenCalled();

    const second = subscription();
    const ended = followSubscription(() => second.source, decode, { after: 0n, signal: new AbortController().signal, highWaterMark: 10 });
    second.stream.end();
    expect(await next(ended)).toEqual({ done: true, value: undefined });
  });
});
