/**
 * How many writes each actor (API key) may make: `perMinute` a minute on average, bursts up
 * to the same number, as a token bucket. Only accepted writes spend from it: `check` before
 * the write says whether one is left (and takes nothing), `spend` after it succeeded takes one.
 */
export abstract class WriteRateLimiter {
  constructor(protected readonly perMinute: number) {}

  /** null when the actor may write now, else the seconds to wait before the next write. */
  abstract check(actor: string): Promise<number | null>;
  /** Counts one accepted write against the actor's budget. */
  abstract spend(actor: string): Promise<void>;

  protected get enabled(): boolean {
    return this.perMinute > 0;
  }

  /** Seconds until a bucket holding `tokens` has one whole token again. */
  protected waitFor(tokens: number): number | null {
    return tokens >= 1 ? null : Math.max(1, Math.ceil(((1 - tokens) * 60) / this.perMinute));
  }
}

/** The budget kept in this process only (tests, a single instance): N instances allow N times the rate. */
export class MemoryWriteRateLimiter extends WriteRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    super(perMinute);
  }

  async check(actor: string): Promise<number | null> {
    return this.enabled ? this.waitFor(this.refilled(actor, this.now())) : null;
  }

  async spend(actor: string): Promise<void> {
    if (!this.enabled) return;
    const now = this.now();
    this.buckets.set(actor, { tokens: this.refilled(actor, now) - 1, at: now });
    if (this.buckets.size > 10_000) this.forgetFullBuckets(now);
  }

  private refilled(actor: string, now: number): number {
    const bucket = this.buckets.get(actor);
    return bucket ? Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute) : this.perMinute;
  }

  private forgetFullBuckets(now: number): void {
    for (const [actor] of this.buckets) {
      if (this.refilled(actor, now) >= this.perMinute) this.buckets.delete(actor);
    }
  }
}
