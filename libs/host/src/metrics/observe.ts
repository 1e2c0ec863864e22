import type { ProjectionRunner } from '@storyline/projections';
import type { ReadModelSync } from '@storyline/timeline';
import { instruments } from './instruments';

/** Records each committed projector batch: how long it took, how many events, how old the newest was. */
export function observeProjections(runner: ProjectionRunner): ProjectionRunner {
  runner.onCommitted((_checkpoint, _applied, batch) => {
    if (!batch) return;
    instruments.projectionApplySeconds.observe(batch.seconds);
    instruments.projectionBatchEvents.observe(batch.events);
    instruments.projectionLagSeconds.observe(Math.max(0, Date.now() - batch.newestRecordedAt.getTime()) / 1000);
  });
  return runner;
}

/** A {@link ReadModelSync} that records each wait and each give-up. */
export function observedReadModelSync(sync: ReadModelSync): ReadModelSync {
  return {
    waitFor: async (position) => {
      const stop = instruments.readYourWritesSeconds.startTimer();
      const seen = await sync.waitFor(position);
      stop({ outcome: seen ? 'seen' : 'gave_up' });
      if (!seen) instruments.readYourWritesGiveUps.inc();
      return seen;
    },
  };
}
