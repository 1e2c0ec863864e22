interface Waiter {
  readonly position: bigint;
  readonly resolve: (reached: boolean) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Callers waiting for a checkpoint to reach a position (read-your-writes). */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  wait(position: bigint, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiting.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiting.add(waiter);
    });
  }

  reached(checkpoint: bigint): void {
    for (const waiter of this.waiting) {
      if (waiter.position > checkpoint) continue;
      this.settle(waiter);
      waiter.resolve(true);
    }
  }

  failAll(error: Error): void {
    for (const waiter of this.waiting) {
      this.settle(waiter);
      waiter.reject(error);
    }
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiting.delete(waiter);
  }
}
