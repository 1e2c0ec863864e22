import type { INestApplicationContext } from '@nestjs/common';
import { RebuildAlreadyRunningError, Rebuilds, storylineProjections, UnknownProjectionError, type Rebuild, type RebuildSnapshot } from '@storyline/projections';
import { CliError, EXIT } from '../cli-error';
import { progress } from '../progress';

/** The projections `storyline rebuild` knows, in their usual order. */
export const PROJECTION_NAMES: readonly string[] = storylineProjections().map((projection) => projection.name);

/** Refuses an unknown projection before any database is opened (exit code 2, naming the known ones). */
export function checkProjectionName(name: string | undefined): void {
  if (name !== undefined && !PROJECTION_NAMES.includes(name)) throw new CliError(new UnknownProjectionError(name, PROJECTION_NAMES).message, EXIT.badInput);
}

async function startRebuild(app: INestApplicationContext, projection: string | undefined): Promise<Rebuild> {
  try {
    return await app.get(Rebuilds).start(projection === undefined ? undefined : [projection]);
  } catch (error) {
    if (error instanceof UnknownProjectionError) throw new CliError(error.message, EXIT.badInput);
    if (error instanceof RebuildAlreadyRunningError) throw new CliError(error.message, EXIT.failed);
    throw error;
  }
}

/**
 * Rebuilds one projection (all of them, in one pass over the log, when `projection` is
 * omitted) beside the live tables, in this process, with a progress bar on stderr; the
 * read models keep answering meanwhile and are swapped at the end.
 */
export async function rebuildProjections(app: INestApplicationContext, projection: string | undefined): Promise<RebuildSnapshot> {
  const rebuild = await startRebuild(app, projection);
  const bar = progress(`rebuilding ${rebuild.projections.join(', ')}`, rebuild.snapshot().head);
  let shown = 0;
  const unsubscribe = rebuild.onProgress((snapshot) => {
    bar.total(snapshot.head);
    if (snapshot.position > shown) bar.advance(snapshot.position - shown);
    shown = Math.max(shown, snapshot.position);
  });
  let done: RebuildSnapshot;
  try {
    done = await rebuild.finished;
  } finally {
    unsubscribe();
    bar.stop();
  }
  if (done.state === 'failed') throw new CliError(`rebuild ${done.id} failed: ${done.error}; the live read models are unchanged`, EXIT.failed);
  return done;
}

export function formatRebuild(done: RebuildSnapshot): string {
  const seconds = (Date.parse(done.finishedAt ?? done.startedAt) - Date.parse(done.startedAt)) / 1000;
  return `rebuilt ${done.projections.join(', ')} up to log position ${done.position} in ${seconds.toFixed(1)} s (${done.eventsPerSecond} events/s)`;
}
