/**
 * A token bucket per actor: `perMinute` writes a minute on average, bursts up to the same
 * number. In memory, so per process: behind a load balancer each instance counts its own.
 */
export class WriteRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; null when allowed, else the seconds to wait before the next write. */
  take(actor: string): number | null {
    if (this.perMinute <= 0) return null;
    const now = this.now();
    const bucket = this.buckets.get(actor) ?? { tokens: this.perMinute, at: now };
    const refilled = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    if (refilled < 1) {
      this.buckets.set(actor, { tokens: refilled, at: now });
      return Math.ceil(((1 - refilled) * 60) / this.perMinute);
    }
    this.buckets.set(actor, { tokens: refilled - 1, at: now });
    if (this.buckets.size > 10_000) this.forgetFullBuckets(now);
    return null;
  }

  private forgetFullBuckets(now: number): void {
    for (const [actor, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(actor);
    }
  }
}
