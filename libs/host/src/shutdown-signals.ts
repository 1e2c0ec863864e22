/** What a process does when SIGTERM or SIGINT asks it to stop. */
export interface ShutdownPlan {
  /** The longest the whole shutdown may take; past it the process exits with 1 regardless. */
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
  /** Lets go of everything (requests, streams, leadership, pools, the embedded server). */
  readonly stop: (signal: NodeJS.Signals) => Promise<void>;
  /** Default process.exit. */
  readonly exit?: (code: number) => void;
}

/**
 * Installs the SIGTERM/SIGINT handlers: the first signal runs `stop` once and exits 0 when
 * it finishes, or 1 (with one line saying why, no stack) when it fails or overruns its time;
 * a second signal exits at once.
 */
export function onShutdownSignals(plan: ShutdownPlan): void {
  const exit = plan.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      plan.log(`${signal} again: exiting now`);
      return exit(1);
    }
    stopping = true;
    const started = Date.now();
    plan.log(`${signal}: shutting down (at most ${plan.timeoutMs} ms)`);
    const overrun = setTimeout(() => {
      plan.log(`shutdown did not finish within ${plan.timeoutMs} ms; exiting`);
      exit(1);
    }, plan.timeoutMs);
    overrun.unref();
    plan.stop(signal).then(
      () => {
        clearTimeout(overrun);
        plan.log(`stopped in ${Date.now() - started} ms`);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(overrun);
        plan.log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
