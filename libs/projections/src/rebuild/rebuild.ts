import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EventStore } from '@storyline/event-store';
import type { DataSource } from 'typeorm';
import { lowestCheckpoint } from '../runtime/checkpoints';
import type { Projection } from '../runtime/projection';
import { ProjectionRunner, type ProjectionLogger } from '../runtime/projection-runner';
import { bulkBuild } from './bulk-build';
import { RebuildCancelledError } from './errors';
import { RebuildLease } from './rebuild-lease';
import { RebuildProgress, type RebuildSnapshot } from './rebuild-progress';
import { completeIndexes, deferredIndexesOf } from './shadow-indexes';
import { createShadowSchema, dropOrphanedShadows, dropShadowSchema, liveSchemaOf, openShadowDataSource } from './shadow-schema';
import { isLockContention, swapIn } from './swap';

/** How a rebuild paces itself. */
export interface RebuildTuning {
  /** Log positions per transaction while building from the log as it stood at the start; default 2500. */
  readonly pageSize: number;
  /** Events per transaction while catching up with what was appended since; default 1000. */
  readonly batchSize: number;
  /** Swap once the copies are this close to the head (in log positions); default 500. */
  readonly swapDistance: number;
  /** How long a swap waits for each lock before it backs off; default 3000 ms. */
  readonly lockTimeoutMs: number;
  /** Swaps tried before the rebuild gives up; default 10. */
  readonly swapAttempts: number;
  /** How often progress is sampled; default 200 ms. */
  readonly pollMs: number;
}

export const DEFAULT_REBUILD_TUNING: RebuildTuning = { pageSize: 2500, batchSize: 1000, swapDistance: 500, lockTimeoutMs: 3000, swapAttempts: 10, pollMs: 200 };

export interface RebuildOptions {
  /** The live read models. */
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
  /** Instances of their own: they run beside the live runner's. */
  readonly projections: readonly Projection[];
  readonly tuning?: Partial<RebuildTuning>;
  readonly logger?: ProjectionLogger;
}

/**
 * One rebuild of some projections from position 0: copies of their tables in a shadow
 * schema, filled by a runner of their own while the live ones keep serving, then swapped
 * in (see {@link swapIn}) once they have caught up. Its id is the shadow schema's name.
 */
export class Rebuild {
  readonly id: string;
  /** Settles when the rebuild is done or failed (it never rejects). */
  readonly finished: Promise<RebuildSnapshot>;
  private readonly progress: RebuildProgress;
  private readonly tuning: RebuildTuning;
  private readonly logger: ProjectionLogger;
  private readonly abort = new AbortController();
  private readonly listeners = new Set<(snapshot: RebuildSnapshot) => void>();

  private constructor(
    private readonly options: RebuildOptions,
    private readonly lease: RebuildLease,
  ) {
    const names = options.projections.map((projection) => projection.name);
    this.id = `rebuild_${names.map((name) => name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()).join('_').slice(0, 40)}_${randomBytes(3).toString('hex')}`;
    this.progress = new RebuildProgress(this.id, names);
    this.tuning = { ...DEFAULT_REBUILD_TUNING, ...options.tuning };
    this.logger = options.logger ?? console;
    this.finished = this.run();
  }

  /** Takes the projections' leases and starts; throws RebuildAlreadyRunningError when one is taken. */
  static async begin(options: RebuildOptions): Promise<Rebuild> {
    const lease = await RebuildLease.acquire(options.dataSource, options.projections.map((projection) => projection.name));
    return new Rebuild(options, lease);
  }

  get projections(): readonly string[] {
    return this.progress.projections;
  }

  get running(): boolean {
    return this.progress.running;
  }

  snapshot(): RebuildSnapshot {
    return this.progress.snapshot();
  }

  /** Called on every progress sample and state change. Returns an unsubscribe. */
  onProgress(listener: (snapshot: RebuildSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops before the swap and drops the copies; a swap under way completes first. */
  async cancel(): Promise<RebuildSnapshot> {
    this.abort.abort();
    return this.finished;
  }

  private async run(): Promise<RebuildSnapshot> {
    const { dataSource } = this.options;
    let shadow: DataSource | null = null;
    try {
      const dropped = await dropOrphanedShadows(dataSource, this.projections);
      if (dropped.length > 0) this.logger.warn(`rebuild ${this.id}: dropped schemas left by earlier rebuilds: ${dropped.join(', ')}`);
      const liveSchema = await liveSchemaOf(dataSource);
      const tables = this.options.projections.flatMap((projection) => projection.tables);
      const deferred = deferredIndexesOf(this.options.projections);
      await createShadowSchema(dataSource, liveSchema, this.id, tables, this.projections, deferred);
      // One connection per projection for the bulk build, one for the runner that follows it.
      shadow = await openShadowDataSource(dataSource, this.id, this.projections.length + 1);
      this.logger.log(`rebuild ${this.id}: building ${this.projections.join(', ')} (${tables.join(', ')}) beside the live tables`);
      await this.bulkBuild(shadow);
      const indexing = performance.now();
      await completeIndexes(dataSource, liveSchema, this.id, tables, deferred);
      this.logger.log(`rebuild ${this.id}: built the deferred keys and indexes in ${seconds(indexing)} s`);
      await this.followAndSwap(shadow, liveSchema);
      const done = this.snapshot();
      this.logger.log(`rebuild ${this.id}: swapped in at position ${done.position}, ${done.eventsPerSecond} events/s`);
    } catch (error) {
      this.progress.fail(error);
      this.logger.error(`rebuild ${this.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      await dropShadowSchema(dataSource, this.id).catch(() => undefined);
    } finally {
      await shadow?.destroy().catch(() => undefined);
      await this.lease.release();
      this.emit();
    }
    return this.snapshot();
  }

  /**
   * Fills the copies up to the head as it is now, in large pages. If that stops short, the
   * runner of {@link follow} applies the rest batch by batch, and names the event that fails,
   * if one does.
   */
  private async bulkBuild(shadow: DataSource): Promise<void> {
    const { eventStore, projections } = this.options;
    const head = await eventStore.headPosition();
    this.progress.begin(head);
    const onPage = (position: bigint): void => {
      this.progress.observe(position, head);
      this.emit();
    };
    const started = performance.now();
    try {
      const position = await bulkBuild({ shadow, eventStore, projections, until: head, pageSize: this.tuning.pageSize, signal: this.abort.signal, onPage });
      this.logger.log(`rebuild ${this.id}: applied the log up to position ${position} in ${seconds(started)} s`);
    } catch (error) {
      if (error instanceof RebuildCancelledError) throw error;
      this.logger.warn(`rebuild ${this.id}: the bulk build stopped (${error instanceof Error ? error.message : String(error)}); following the log from there`);
    }
  }

  private async followAndSwap(shadow: DataSource, liveSchema: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.follow(shadow);
      this.progress.swapping();
      this.emit();
      try {
        const position = await swapIn({ ...this.tuning, shadow, shadowSchema: this.id, liveSchema, projections: this.options.projections, eventStore: this.options.eventStore });
        this.progress.finish(position);
        return;
      } catch (error) {
        if (!isLockContention(error) || attempt >= this.tuning.swapAttempts) throw error;
        this.logger.warn(`rebuild ${this.id}: the swap could not take its locks in time (attempt ${attempt}); catching up again`);
        this.progress.retry();
      }
    }
  }

  /** Runs the copies' own runner, unless they need none, until they are within `swapDistance` of the head. */
  private async follow(shadow: DataSource): Promise<void> {
    const { eventStore, projections } = this.options;
    if (await this.nearHead(await lowestCheckpoint(shadow, this.projections))) return;
    const runner = new ProjectionRunner({ dataSource: shadow, eventStore, projections, batchSize: this.tuning.batchSize, logger: this.logger });
    await runner.start();
    try {
      for (;;) {
        const position = await runner.checkpoint();
        if (runner.failure) throw runner.failure;
        if (await this.nearHead(position)) return;
        await pause(this.tuning.pollMs, this.abort.signal);
      }
    } finally {
      await runner.stop();
    }
  }

  /** Shows the copies at `position`; true once that is close enough to the head to swap. */
  private async nearHead(position: bigint): Promise<boolean> {
    const head = await this.options.eventStore.headPosition();
    this.progress.observe(position, head);
    this.emit();
    if (this.abort.signal.aborted) throw new RebuildCancelledError();
    return head - position <= BigInt(this.tuning.swapDistance);
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
