import type { EventStore } from '@storyline/event-store';
import type { DataSource } from 'typeorm';
import type { Projection } from '../runtime/projection';
import type { ProjectionLogger } from '../runtime/projection-runner';
import { RebuildAlreadyRunningError, UnknownProjectionError } from './errors';
import { Rebuild, type RebuildTuning } from './rebuild';
import type { RebuildSnapshot } from './rebuild-progress';

export interface RebuildsOptions {
  /** The live read models. */
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
  /** Fresh instances of every projection that can be rebuilt, in their usual order. */
  readonly projections: () => readonly Projection[];
  readonly tuning?: Partial<RebuildTuning>;
  readonly logger?: ProjectionLogger;
}

/** Finished rebuilds kept for the status page. */
const KEPT = 20;

/**
 * The rebuilds this process runs: starts them by projection name, refuses a second one of
 * a projection (here or, through the lease, in another process), and keeps the recent ones
 * for their progress.
 */
export class Rebuilds {
  private readonly rebuilds: Rebuild[] = [];
  private readonly starting = new Set<string>();
  private closed = false;

  constructor(private readonly options: RebuildsOptions) {}

  /** The projections' names, in their usual order. */
  get known(): string[] {
    return this.options.projections().map((projection) => projection.name);
  }

  /**
   * Starts one rebuild of the named projections (all when omitted) and answers once it has
   * taken their leases; the rebuild then runs in the background.
   * @throws UnknownProjectionError for a name no projection has
   * @throws RebuildAlreadyRunningError when one of them is being rebuilt already
   */
  async start(names?: readonly string[]): Promise<Rebuild> {
    if (this.closed) throw new Error('rebuilds are closed: the process is shutting down');
    const projections = this.select(names);
    const wanted = projections.map((projection) => projection.name);
    this.refuseRunning(wanted);
    for (const name of wanted) this.starting.add(name);
    try {
      const rebuild = await Rebuild.begin({ ...this.options, projections });
      this.rebuilds.push(rebuild);
      this.forgetOld();
      return rebuild;
    } finally {
      for (const name of wanted) this.starting.delete(name);
    }
  }

  get(id: string): Rebuild | undefined {
    return this.rebuilds.find((rebuild) => rebuild.id === id);
  }

  /** The latest rebuild here that covered the projection, running or finished. */
  latestOf(name: string): RebuildSnapshot | null {
    const rebuild = [...this.rebuilds].reverse().find((candidate) => candidate.projections.includes(name));
    return rebuild?.snapshot() ?? null;
  }

  list(): RebuildSnapshot[] {
    return this.rebuilds.map((rebuild) => rebuild.snapshot());
  }

  /** Cancels the running rebuilds (their copies are dropped, the live tables untouched). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.rebuilds.filter((rebuild) => rebuild.running).map((rebuild) => rebuild.cancel()));
  }

  private select(names: readonly string[] | undefined): Projection[] {
    const all = this.options.projections();
    if (names === undefined) return [...all];
    const known = all.map((projection) => projection.name);
    const unknown = names.find((name) => !known.includes(name));
    if (unknown !== undefined) throw new UnknownProjectionError(unknown, known);
    return all.filter((projection) => names.includes(projection.name));
  }

  private refuseRunning(names: readonly string[]): void {
    for (const name of names) {
      const running = this.rebuilds.find((rebuild) => rebuild.running && rebuild.projections.includes(name));
      if (running) throw new RebuildAlreadyRunningError(name, running.id);
      if (this.starting.has(name)) throw new RebuildAlreadyRunningError(name, null);
    }
  }

  private forgetOld(): void {
    while (this.rebuilds.length > KEPT) {
      const index = this.rebuilds.findIndex((rebuild) => !rebuild.running);
      if (index < 0) return;
      this.rebuilds.splice(index, 1);
    }
  }
}
