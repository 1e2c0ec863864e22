import type { Position } from '@storyline/story-events';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AUDITED_LOG, LogTailCheck, type AuditedLog, type TailIntegrity } from '@storyline/audit';
import { StorageUnavailableError } from '@storyline/database';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { ProjectionRunner } from '@storyline/projections';
import { DataSource } from 'typeorm';

/** How long the read models may stay behind the head without moving before they count as stuck. */
export const STUCK_AFTER_MS = 30_000;
/** A health probe never waits longer than this for the database. */
const PROBE_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageUnavailableError(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Where the read models stand against the log head, and whether they have stopped moving. */
export interface ProjectionStanding {
  readonly head: Position;
  readonly position: Position;
  readonly status: string;
  /** Behind the head and not moving for {@link STUCK_AFTER_MS} (or stopped on a bad event). */
  readonly stuck: boolean;
}

/**
 * The checks behind `/health/ready` and `/health`, as Terminus indicators: the database
 * answers, the read models are not stuck, and the last known integrity of the log's tail.
 */
@Injectable()
export class ReadinessChecks {
  private lastMove: { position: Position; at: number } = { position: -1n, at: Date.now() };

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly tail: LogTailCheck,
  ) {}

  async database() {
    const indicator = this.indicators.check('database');
    try {
      await within(this.dataSource.query('SELECT 1'), 'PostgreSQL');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: describe(error) });
    }
  }

  async projections() {
    const indicator = this.indicators.check('projections');
    try {
      const { status: runner, ...standing } = await this.standing();
      return standing.stuck ? indicator.down({ ...standing, runner }) : indicator.up({ ...standing, runner });
    } catch (error) {
      return indicator.down({ message: describe(error) });
    }
  }

  /** Never fails readiness: a broken chain is for auditors; the log still serves. */
  async integrity() {
    const indicator = this.indicators.check('integrity');
    const found = await within(this.tail.check(), 'the log tail check').catch(() => this.tail.lastKnown);
    const { status: chain, ...rest } = found;
    return chain === 'broken' ? indicator.degraded({ ...rest, chain }) : indicator.up({ ...rest, chain });
  }

  async standing(): Promise<ProjectionStanding> {
    const [head, position] = await within(Promise.all([this.store.headPosition(), this.runner.checkpoint()]), 'PostgreSQL');
    const now = Date.now();
    if (position !== this.lastMove.position || position >= head) this.lastMove = { position, at: now };
    const status = this.runner.state;
    const stuck = status === 'failed' || (position < head && now - this.lastMove.at > STUCK_AFTER_MS);
    return { head, position, status, stuck };
  }

  /** The last tail check's result, refreshed if it can be within the probe timeout. */
  async lastIntegrity(): Promise<TailIntegrity> {
    return within(this.tail.check(), 'the log tail check').catch(() => this.tail.lastKnown);
  }
}

/** The tail check of the host's audited log. */
export const logTailCheckProvider = {
  provide: LogTailCheck,
  inject: [AUDITED_LOG],
  useFactory: (log: AuditedLog) => new LogTailCheck(log),
};
