import { MemoryWriteRateLimiter } from './write-rate-limiter';

describe('MemoryWriteRateLimiter', () => {
  it('allows a burst, then asks the actor to wait, and refills over time', async () => {
    let now = 0;
    const limiter = new MemoryWriteRateLimiter(3, () => now);
    for (let i = 0; i < 3; i++) {
      expect(await limiter.check('a')).toBeNull();
      await limiter.spend('a');
    }
    expect(await limiter.check('a')).toBe(20);
    expect(await limiter.check('b')).toBeNull();
    now += 20_000;
    expect(await limiter.check('a')).toBeNull();
    await limiter.spend('a');
    expect(await limiter.check('a')).toBeGreaterThan(0);
  });

  it('spends only what is spent: checks alone (refused writes) take nothing', async () => {
    const limiter = new MemoryWriteRateLimiter(2, () => 0);
    for (let i = 0; i < 50; i++) expect(await limiter.check('a')).toBeNull();
  });

  it('is off when the rate is 0', async () => {
    const limiter = new MemoryWriteRateLimiter(0);
    for (let i = 0; i < 100; i++) {
      expect(await limiter.check('a')).toBeNull();
      await limiter.spend('a');
    }
  });
});
