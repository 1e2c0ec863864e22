import { retryWhileUnavailable } from '@storyline/database/connection-faults';
import { START, type ReadAllOptions, type StoredEvent, type SubscribeOptions } from '../event-store.port';
import { checkCount } from './append-validation';
import type { Doorbell } from './doorbell';

/** What a subscription needs from an adapter. */
export interface FollowedLog {
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  readonly doorbell: Doorbell;
  /** True once the store is closed: followers then end. */
  isClosed(): boolean;
  /** Makes sure rings will come (a LISTEN connection, say) before the follower reads. */
  ensureLive?(): Promise<void>;
}

export const DEFAULT_SUBSCRIPTION_BATCH = 500;

/**
 * Reads the log in batches after a position until a batch comes back short (caught up),
 * then waits for the doorbell, or the poll interval in case a ring was missed, and reads
 * again. Positions only grow, so resuming after the last yielded one never repeats or skips,
 * also after the database went away and came back (reads are retried with backoff meanwhile).
 */
export async function* followLog(log: FollowedLog, options: SubscribeOptions, pollMs: number): AsyncGenerator<StoredEvent> {
  const { signal, streamPrefixes } = options;
  const batchSize = options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH;
  checkCount('batchSize', batchSize);
  if (batchSize === 0) throw new RangeError('batchSize must be at least 1');
  let after = options.after ?? START;
  while (!signal?.aborted && !log.isClosed()) {
    await log.ensureLive?.();
    if (log.isClosed()) return;
    const seen = log.doorbell.rings();
    // A database that is down or restarting only delays the follower: it reads again from the same place.
    const batch = await retryWhileUnavailable(() => log.readAll({ after, maxCount: batchSize, streamPrefixes }), { signal });
    for (const event of batch) {
      if (signal?.aborted) return;
      yield event;
      after = event.position;
    }
    if (batch.length < batchSize) await log.doorbell.wait(seen, pollMs, signal);
  }
}
