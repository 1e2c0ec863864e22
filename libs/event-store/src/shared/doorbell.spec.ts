import { Doorbell } from './doorbell';

describe('Doorbell', () => {
  it('does not wait when it rang after the count was taken', async () => {
    const bell = new Doorbell();
    const seen = bell.rings();
    bell.ring();
    const started = Date.now();
    await bell.wait(seen, 10_000);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('wakes every waiter on a ring, and ends a wait on timeout or abort', async () => {
    const bell = new Doorbell();
    const woken: string[] = [];
    const abort = new AbortController();
    const waits = [
      bell.wait(0, 10_000).then(() => woken.push('ring')),
      bell.wait(0, 10, undefined).then(() => woken.push('timeout')),
      bell.wait(0, 10_000, abort.signal).then(() => woken.push('abort')),
    ];
    await new Promise((resolve) => setTimeout(resolve, 30));
    abort.abort();
    await new Promise((resolve) => setTimeout(resolve, 5));
    bell.ring();
    await Promise.all(waits);
    expect(woken).toEqual(['timeout', 'abort', 'ring']);
  });

  it('forgets waits that ended without a ring', async () => {
    const bell = new Doorbell();
    await Promise.all(Array.from({ length: 100 }, () => bell.wait(0, 1)));
    expect((bell as unknown as { waiters: Set<unknown> }).waiters.size).toBe(0);
  });
});
