import type { ProjectionLogger, ProjectionRunner } from '@storyline/projections';
import { LeaderElection } from './leader-election';
import type { LockSession } from './lock-session';
import type { ProjectorMode } from './projector-mode';
import { RESTART_DELAYS_MS, RunnerSupervisor } from './runner-supervisor';

export interface ProjectorHostOptions {
  readonly mode: ProjectorMode;
  readonly runner: ProjectionRunner;
  readonly openSession: () => Promise<LockSession>;
  /** How often a standby tries for leadership, and a leader checks it still holds it; default 1000. */
  readonly retryMs?: number;
  readonly restartDelays?: readonly number[];
  readonly logger: ProjectionLogger;
}

/**
 * Runs a process's projector, if it should: in `inline` mode it campaigns for leadership
 * and runs the (supervised) runner only while it leads, so that of several API or
 * projector processes on one database exactly one projects and another takes over when it
 * dies. In `external` mode it never projects; the runner then only waits for positions by
 * polling the checkpoints that the projector processes advance.
 */
export class ProjectorHost {
  private readonly election: LeaderElection | null;
  private supervisor: RunnerSupervisor | null = null;

  constructor(private readonly options: ProjectorHostOptions) {
    this.election =
      options.mode === 'inline'
        ? new LeaderElection({ openSession: options.openSession, onElected: () => this.project(), onDeposed: () => this.standDown(), retryMs: options.retryMs, logger: options.logger })
        : null;
  }

  get mode(): ProjectorMode {
    return this.options.mode;
  }

  /** True while this process holds the leadership and projects. */
  get isLeader(): boolean {
    return this.election?.isLeader ?? false;
  }

  /** Starts campaigning (inline); resolves after the first try, leading or standing by. */
  async start(): Promise<void> {
    if (!this.election) {
      this.options.logger.log('projector: external; this process does not project');
      return;
    }
    await this.election.start();
  }

  async stop(): Promise<void> {
    await this.election?.stop();
  }

  private async project(): Promise<void> {
    this.supervisor = new RunnerSupervisor(this.options.runner, this.options.logger, this.options.restartDelays ?? RESTART_DELAYS_MS);
    await this.options.runner.start();
  }

  private async standDown(): Promise<void> {
    this.supervisor?.stop();
    this.supervisor = null;
    await this.options.runner.stop();
  }
}
