import { WriteRateLimiter } from './write-rate-limiter';

describe('WriteRateLimiter', () => {
  it('allows a burst, then asks the actor to wait, and refills over time', () => {
    let now = 0;
    const limiter = new WriteRateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([null, null, null]);
    expect(limiter.take('a')).toBe(20);
    expect(limiter.take('b')).toBeNull();
    now += 20_000;
    expect(limiter.take('a')).toBeNull();
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('is off when the rate is 0', () => {
    const limiter = new WriteRateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.take('a')).toBeNull();
  });
});
