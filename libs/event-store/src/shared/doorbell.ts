/**
 * Wakes followers when the log may have grown. A follower notes {@link rings} before it
 * reads and waits with that count, so a ring that arrives while it reads is not lost.
 */
export class Doorbell {
  private rang = 0;
  private readonly waiters = new Set<() => void>();

  /** How many times it has rung so far. */
  rings(): number {
    return this.rang;
  }

  ring(): void {
    this.rang++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    waiters.forEach((wake) => wake());
  }

  /**
   * Settles when it has rung more than `seen` times, the timeout passes or the signal
   * aborts. Every wait cleans up after itself, so a quiet log does not pile up waiters.
   */
  wait(seen: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.rang !== seen || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      signal?.addEventListener('abort', wake, { once: true });
      this.waiters.add(wake);
    });
  }
}
