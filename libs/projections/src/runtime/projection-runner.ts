import { isStorageUnavailable } from '@storyline/database/connection-faults';
import type { EventStore, StoredEvent } from '@storyline/event-store';
import type { DataSource } from 'typeorm';
import { BatchReader } from './batch-reader';
import { ApplyFailure, applyBatch } from './apply-batch';
import { CheckpointMoved, ensureCheckpoints, lockCheckpoints, lowestCheckpoint } from './checkpoints';
import { ProjectionFailedError } from './errors';
import { pause } from './pause';
import { PositionWaiters } from './position-waiters';
import type { Projection } from './projection';

/** Where the runner reports; Nest's `Logger` fits. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
  readonly projections: readonly Projection[];
  /** The most events applied in one transaction; default 500. */
  readonly batchSize?: number;
  /** The pause before following the log again after it could not be read; default 1000. */
  readonly retryDelayMs?: number;
  readonly logger?: ProjectionLogger;
}

export type ProjectionRunnerStatus = 'idle' | 'running' | 'stopped' | 'failed';

type Outcome = 'committed' | 'moved' | 'failed';

/** One batch the runner committed: for metrics. */
export interface CommittedBatch {
  readonly events: number;
  /** From the transaction's start to its commit. */
  readonly seconds: number;
  readonly newestRecordedAt: Date;
}

export type CommitListener = (checkpoint: bigint, events: number, batch: CommittedBatch) => void;

/**
 * Follows the global log from the projections' checkpoints and applies it in batches. Each
 * batch's read-model changes and checkpoints commit in one transaction, so a crash at any
 * instant neither loses nor double-applies an event. An event that cannot be applied stops
 * the runner at the position before it, with a {@link ProjectionFailedError}.
 */
export class ProjectionRunner {
  private status: ProjectionRunnerStatus = 'idle';
  private positions = new Map<string, bigint>();
  private abort = new AbortController();
  private stopped: Promise<void> = Promise.resolve();
  private following: Promise<void> = Promise.resolve();
  private starting: Promise<void> | null = null;
  private failed: ProjectionFailedError | null = null;
  private readonly waiters = new PositionWaiters();
  private readonly errorListeners = new Set<(error: ProjectionFailedError) => void>();
  private readonly commitListeners = new Set<CommitListener>();
  private readonly names: readonly string[];
  private readonly batchSize: number;
  private readonly logger: ProjectionLogger;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.names = options.projections.map((projection) => projection.name);
    if (new Set(this.names).size !== this.names.length) throw new Error(`projection names repeat: ${this.names.join(', ')}`);
    this.batchSize = options.batchSize ?? 500;
    this.logger = options.logger ?? console;
  }

  /** Loads the checkpoints and starts following the log; resolves once following. */
  start(): Promise<void> {
    if (this.status === 'running') return Promise.resolve();
    this.starting ??= this.begin().finally(() => (this.starting = null));
    return this.starting;
  }

  private async begin(): Promise<void> {
    this.positions = await ensureCheckpoints(this.options.dataSource, this.names);
    this.failed = null;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.stopped = new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    this.status = 'running';
    this.following = this.follow();
  }

  /** Stops after the batch in hand commits (or rolls back); the checkpoint stays consistent. */
  async stop(): Promise<void> {
    if (this.status === 'running') this.status = 'stopped';
    this.abort.abort();
    await this.following;
  }

  get state(): ProjectionRunnerStatus {
    return this.status;
  }

  /** Why the runner stopped by itself, if it did. */
  get failure(): ProjectionFailedError | null {
    return this.failed;
  }

  /** The lowest committed checkpoint of this runner's projections, read from the database. */
  checkpoint(): Promise<bigint> {
    return lowestCheckpoint(this.options.dataSource, this.names);
  }

  /**
   * True as soon as every projection has applied the log up to `position`, false after
   * `timeoutMs`. Rejects with the failure if the runner stopped on a poison event. When
   * this runner is not running (another process projects), it polls the checkpoint.
   */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.failed) throw this.failed;
    if (this.status !== 'running') return this.pollCheckpoint(position, timeoutMs);
    if (this.lowest() >= position) return true;
    return this.waiters.wait(position, timeoutMs);
  }

  /** Called once when an event cannot be applied and the runner stops. Returns an unsubscribe. */
  onError(listener: (error: ProjectionFailedError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Called after each committed batch with the new checkpoint, for progress and metrics. */
  onCommitted(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private async follow(): Promise<void> {
    const retryDelayMs = this.options.retryDelayMs ?? 1000;
    while (this.status === 'running') {
      try {
        if (await this.followFrom(this.lowest())) continue;
        if (this.status !== 'running') return;
        this.logger.warn('projections: the log subscription ended; following it again');
      } catch (error) {
        if (this.status !== 'running') return;
        this.logger.warn(`projections: reading the log failed (${describe(error)}); retrying in ${retryDelayMs} ms`);
      }
      await pause(retryDelayMs, this.abort.signal);
    }
  }

  /** Follows one subscription; true when the checkpoints moved and following must restart. */
  private async followFrom(after: bigint): Promise<boolean> {
    const subscription = new AbortController();
    const stopSubscription = (): void => subscription.abort();
    this.abort.signal.addEventListener('abort', stopSubscription, { once: true });
    let events: AsyncIterator<StoredEvent> | undefined;
    try {
      events = this.options.eventStore
        .subscribeToAll({ after, batchSize: this.batchSize, signal: subscription.signal })
        [Symbol.asyncIterator]();
      const reader = new BatchReader(events, this.batchSize);
      for (let batch = await reader.next(this.stopped); batch; batch = await reader.next(this.stopped)) {
        const outcome = await this.commit(batch);
        if (outcome !== 'committed') return outcome === 'moved';
      }
      return false;
    } finally {
      subscription.abort();
      this.abort.signal.removeEventListener('abort', stopSubscription);
      void events?.return?.()?.catch(() => undefined);
    }
  }

  private async commit(batch: readonly StoredEvent[]): Promise<Outcome> {
    try {
      await this.applyInTransaction(batch);
      return 'committed';
    } catch (error) {
      if (error instanceof CheckpointMoved) return this.moved(error);
      // A lost database is no poison event: following starts again once it is back.
      if (isStorageUnavailable(error)) throw error;
      return this.isolate(batch, error);
    }
  }

  /** A batch failed: apply its events one at a time to commit the good ones and name the bad one. */
  private async isolate(batch: readonly StoredEvent[], error: unknown): Promise<Outcome> {
    if (batch.length === 1) return this.fail(batch[0], error);
    for (const event of batch) {
      try {
        await this.applyInTransaction([event]);
      } catch (single) {
        if (single instanceof CheckpointMoved) return this.moved(single);
        if (isStorageUnavailable(single)) throw single;
        return this.fail(event, single);
      }
    }
    this.logger.warn(`projections: a batch failed (${describe(error)}) but each of its events applied alone`);
    return 'committed';
  }

  private async applyInTransaction(batch: readonly StoredEvent[]): Promise<void> {
    const started = performance.now();
    const last = batch[batch.length - 1].position;
    let applied = 0;
    await this.options.dataSource.transaction(async (manager) => {
      const stored = await lockCheckpoints(manager, this.names);
      if (this.names.some((name) => stored.get(name) !== this.positions.get(name))) throw new CheckpointMoved(stored);
      for (const projection of this.options.projections) {
        applied += await applyBatch(projection, batch, stored.get(projection.name) ?? 0n, manager);
      }
    });
    for (const name of this.names) {
      if ((this.positions.get(name) ?? 0n) < last) this.positions.set(name, last);
    }
    const checkpoint = this.lowest();
    this.waiters.reached(checkpoint);
    const committed: CommittedBatch = { events: batch.length, seconds: (performance.now() - started) / 1000, newestRecordedAt: batch[batch.length - 1].recordedAt };
    for (const listener of this.commitListeners) listener(checkpoint, applied, committed);
  }

  private moved(error: CheckpointMoved): Outcome {
    this.positions = error.positions;
    this.waiters.reached(this.lowest());
    this.logger.warn('projections: another runner advanced the checkpoints; following from there');
    return 'moved';
  }

  private fail(event: StoredEvent, error: unknown): Outcome {
    const projection = error instanceof ApplyFailure ? error.projection : this.names.join(', ');
    const cause = error instanceof ApplyFailure ? error.cause : error;
    const failure = new ProjectionFailedError(projection, event.position, event.type, event.eventId, cause);
    this.failed = failure;
    this.status = 'failed';
    this.abort.abort();
    this.logger.error(failure.message);
    this.waiters.failAll(failure);
    for (const listener of this.errorListeners) listener(failure);
    return 'failed';
  }

  private lowest(): bigint {
    let low: bigint | null = null;
    for (const position of this.positions.values()) if (low === null || position < low) low = position;
    return low ?? 0n;
  }

  private async pollCheckpoint(position: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.checkpoint()) >= position) return true;
      if (Date.now() >= deadline) return false;
      await delay(Math.min(25, Math.max(0, deadline - Date.now())));
    }
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));


const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
