import type { EventStore } from '@storyline/event-store';
import {
  ADVISORY_LOCKS,
  listShadowSchemas,
  readCheckpoints,
  type ProjectionRunner,
  type ProjectionRunnerStatus,
  type Rebuilds,
  type RebuildSnapshot,
} from '@storyline/projections';
import type { DataSource } from 'typeorm';
import type { ProjectorHost } from './projector-host';
import type { ProjectorMode } from './projector-mode';

export type ProjectionHealth = 'caught-up' | 'behind' | 'rebuilding' | 'failed';

/** One projection as `GET /projections` shows it. */
export interface ProjectionOverview {
  readonly name: string;
  readonly checkpoint: number;
  readonly lag: number;
  readonly status: ProjectionHealth;
  /** The latest rebuild this process ran of it (running or finished), else null. */
  readonly rebuild: RebuildSnapshot | null;
  /** Shadow schemas of rebuilds that another process runs (or left behind). */
  readonly rebuildingElsewhere: readonly string[];
}

export interface ProjectionsOverviewAnswer {
  readonly head: number;
  readonly projector: {
    readonly mode: ProjectorMode;
    /** This process leads and projects. */
    readonly leader: boolean;
    /** Some process on this database leads. */
    readonly leaderPresent: boolean;
    readonly runner: ProjectionRunnerStatus;
  };
  readonly projections: ProjectionOverview[];
}

/** Reads where each projection is: checkpoint, lag behind the head, status and rebuild. */
export class ProjectionsOverview {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly host: ProjectorHost,
    private readonly rebuilds: Rebuilds,
  ) {}

  async read(): Promise<ProjectionsOverviewAnswer> {
    const names = this.rebuilds.known;
    const [head, checkpoints, shadows, leaderPresent] = await Promise.all([
      this.store.headPosition(),
      readCheckpoints(this.dataSource, names),
      listShadowSchemas(this.dataSource),
      this.leaderPresent(),
    ]);
    const local = new Set(this.rebuilds.list().map((rebuild) => rebuild.id));
    const projections = names.map((name): ProjectionOverview => {
      const checkpoint = checkpoints.get(name) ?? 0n;
      const rebuild = this.rebuilds.latestOf(name);
      const elsewhere = shadows.filter((shadow) => !local.has(shadow.schema) && shadow.projections.includes(name)).map((shadow) => shadow.schema);
      const lag = head > checkpoint ? Number(head - checkpoint) : 0;
      return { name, checkpoint: Number(checkpoint), lag, status: this.health(name, lag, rebuild, elsewhere), rebuild, rebuildingElsewhere: elsewhere };
    });
    const projector = { mode: this.host.mode, leader: this.host.isLeader, leaderPresent, runner: this.runner.state };
    return { head: Number(head), projector, projections };
  }

  private health(name: string, lag: number, rebuild: RebuildSnapshot | null, elsewhere: readonly string[]): ProjectionHealth {
    if (rebuild?.state !== undefined && !['done', 'failed'].includes(rebuild.state)) return 'rebuilding';
    if (elsewhere.length > 0) return 'rebuilding';
    const failure = this.runner.failure;
    if (failure && failure.projection.split(', ').includes(name)) return 'failed';
    return lag === 0 ? 'caught-up' : 'behind';
  }

  private async leaderPresent(): Promise<boolean> {
    const { classId, objectId } = ADVISORY_LOCKS.projectorLeader;
    const rows: { present: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2 AND objsubid = 2
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS present`,
      [classId, objectId],
    );
    return rows[0].present;
  }
}
