import type { AppendResult } from '../event-store.port';
import type { AppendOutcome, QueuedAppend } from './batch-plan';

/** The most one transaction takes on; the rest waits for the next one. */
export interface BatchLimits {
  readonly maxAppends: number;
  readonly maxEvents: number;
}

/** Up to 500 appends or 5,000 events per transaction, whichever comes first. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxAppends: 500, maxEvents: 5000 };

interface Waiting extends QueuedAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Queues the appends of one process and commits them in batches, one batch at a time:
 * while a transaction holds the append lock, newcomers gather for the next one, so many
 * concurrent appends cost a few transactions instead of one each.
 */
export class GroupCommit {
  private readonly queue: Waiting[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly commit: (batch: readonly QueuedAppend[]) => Promise<AppendOutcome[]>,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  submit(append: QueuedAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...append, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Settles once every append submitted so far is committed or refused. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    // Let the appends made in the same turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) await this.commitNextBatch();
    } finally {
      // In the same synchronous step as the empty-queue check, so no submit can slip between.
      this.draining = null;
    }
  }

  private async commitNextBatch(): Promise<void> {
    const batch = this.takeBatch();
    try {
      const outcomes = await this.commit(batch);
      batch.forEach((append, index) => settle(append, outcomes[index]));
    } catch (error) {
      batch.forEach((append) => append.reject(error));
    }
  }

  private takeBatch(): Waiting[] {
    let events = 0;
    let count = 0;
    while (count < this.queue.length && count < this.limits.maxAppends) {
      events += this.queue[count].events.length;
      if (count > 0 && events > this.limits.maxEvents) break;
      count++;
    }
    return this.queue.splice(0, count);
  }
}

function settle(append: Waiting, outcome: AppendOutcome): void {
  if ('result' in outcome) append.resolve(outcome.result);
  else append.reject(outcome.error);
}
