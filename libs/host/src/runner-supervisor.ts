import type { ProjectionLogger } from '@storyline/projections';

/** The part of a ProjectionRunner a supervisor needs. */
export interface Supervisable {
  start(): Promise<void>;
  onError(listener: (error: Error) => void): () => void;
  onCommitted(listener: () => void): () => void;
}

export const RESTART_DELAYS_MS: readonly number[] = [1_000, 5_000, 15_000, 60_000];

/**
 * Starts a projector that stopped on an error again after a growing pause: a passing
 * fault (a lost connection) heals by itself; a bad event keeps failing, named in the log,
 * without spinning. A batch that commits resets the pause.
 */
export class RunnerSupervisor {
  private restarts = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly runner: Supervisable,
    private readonly logger: ProjectionLogger,
    private readonly delays: readonly number[] = RESTART_DELAYS_MS,
  ) {
    this.unsubscribe.push(runner.onError((error) => this.restartLater(error.message)));
    this.unsubscribe.push(runner.onCommitted(() => (this.restarts = 0)));
  }

  private restartLater(reason: string): void {
    if (this.stopped) return;
    const delay = this.delays[Math.min(this.restarts, this.delays.length - 1)];
    this.restarts += 1;
    this.logger.error(`projector stopped (${reason}); starting it again in ${delay / 1000} s`);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runner.start().catch((error: unknown) => this.restartLater(error instanceof Error ? error.message : String(error)));
    }, delay);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const off of this.unsubscribe) off();
  }
}
