import { ProjectionFailedError } from '@storyline/projections';
import type { ReadModelSync, ReadYourWrites } from '@storyline/timeline';

/** What the write side waits on: anything that says when the projections have applied a position. */
export interface PositionFollower {
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
}

/**
 * Read-your-writes for the write side: waits up to `timeoutMs` for the projections, and says
 * what came of it rather than hiding it. A projector that stopped on a poison event (or a
 * checkpoint that could not be read) is logged and answered as `projector-failed`: the write
 * is stored, so its answer is not an error; only seeing it is delayed. (`observedReadModelSync`
 * in `metrics/` counts the outcomes.)
 */
export function readModelSync(
  projector: PositionFollower,
  timeoutMs: number,
  logger: { error(message: string): void },
): ReadModelSync {
  return {
    waitFor: async (position) => {
      let outcome: ReadYourWrites;
      try {
        outcome = (await projector.waitFor(position, timeoutMs)) ? 'applied' : 'timeout';
      } catch (error) {
        const why = error instanceof ProjectionFailedError ? `the projector has stopped: ${error.message}` : `the projections' checkpoint could not be read: ${error instanceof Error ? error.message : String(error)}`;
        logger.error(`read-your-writes for position ${position} gave up (${why}); the write is stored but not shown yet`);
        outcome = 'projector-failed';
      }
      return outcome;
    },
  };
}
