import type { EventStore, GlobalPosition } from '../event-store.port';
import { LogIndexLagError } from './errors';
import { planIndexRows, stillToIndex, type IndexHead } from './index-rows';
import type { LogIndexTable } from './log-index-table';

export interface LogIndexerOptions {
  /** Native events read, and index rows written, per transaction. */
  readonly batchSize: number;
  /** Called after rows were added. */
  readonly onIndexed: () => void;
}

/**
 * Extends the log index with what the native log holds beyond it. Any process may do it at
 * any time: the native events are read outside any lock, then, holding the index lock, the
 * rows that still follow the head are hashed and inserted, one transaction per batch. So
 * there is no indexer to elect and none to wait for: an appender indexes its own events,
 * a follower what it is about to read, and whoever comes first does the work for the others.
 *
 * It relies on the native log never placing an event before one a reader has already seen
 * (true of KurrentDB's `$all`, which one leader writes in order).
 */
export class LogIndexer {
  private running: Promise<IndexHead> | null = null;
  private queued: Promise<IndexHead> | null = null;

  constructor(
    private readonly native: EventStore,
    private readonly table: LogIndexTable,
    private readonly options: LogIndexerOptions,
  ) {}

  /**
   * Indexes everything the native log holds now and resolves with the new head. Calls made
   * while one runs share one more run after it, which sees whatever they appended before.
   */
  catchUp(): Promise<IndexHead> {
    if (!this.running) {
      this.running = this.indexAll().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.catchUp();
      });
    return this.queued;
  }

  /** Resolves once the index covers every one of these native positions; a LogIndexLagError after `timeoutMs`. */
  async cover(nativePositions: readonly GlobalPosition[], timeoutMs: number): Promise<void> {
    const target = nativePositions.reduce((max, position) => (position > max ? position : max), 0n);
    const deadline = Date.now() + timeoutMs;
    for (let head = await this.catchUp(); head.nativePosition < target; head = await this.catchUp()) {
      if (Date.now() >= deadline) throw new LogIndexLagError(target, head.nativePosition, timeoutMs);
      // A native read from a lagging node may not show the append yet.
      await new Promise((resolve) => setTimeout(resolve, Math.min(25, Math.max(deadline - Date.now(), 0))));
    }
  }

  private async indexAll(): Promise<IndexHead> {
    for (;;) {
      const seen = await this.table.head();
      const batch = await this.native.readAll({ after: seen.nativePosition, maxCount: this.options.batchSize });
      if (batch.length === 0) return seen;
      const head = await this.table.extend((locked) => planIndexRows(locked, stillToIndex(locked, seen.nativePosition, batch)));
      if (head.position > seen.position) this.options.onIndexed();
      if (batch.length < this.options.batchSize) return head;
    }
  }
}
