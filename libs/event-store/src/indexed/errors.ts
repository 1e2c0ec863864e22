import type { GlobalPosition } from '../event-store.port';

/**
 * An append is stored in the native log, but the log index did not reach it in time, so
 * its dense positions are not known yet. Retrying the append with the same event ids is
 * safe: it changes nothing and answers with the positions once they are indexed.
 */
export class LogIndexLagError extends Error {
  constructor(
    readonly nativePosition: GlobalPosition,
    readonly indexedUpTo: GlobalPosition,
    readonly waitedMs: number,
  ) {
    super(
      `the log index did not reach native position ${nativePosition} within ${waitedMs} ms (it covers up to ${indexedUpTo}): ` +
        'the events are stored in the native log and will be indexed; retry with the same event ids for their positions',
    );
    this.name = 'LogIndexLagError';
  }
}

/** The log index and the native log it indexes disagree: one of them was changed, or they are not a pair. */
export class LogIndexMismatchError extends Error {
  constructor(problem: string) {
    super(`the log index and the native log disagree: ${problem} (GET /audit/verify names the first bad position)`);
    this.name = 'LogIndexMismatchError';
  }
}
