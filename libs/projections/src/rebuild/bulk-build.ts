import type { EventStore, StoredEvent } from '@storyline/event-store';
import type { DataSource, QueryRunner } from 'typeorm';
import { applyBatch } from '../runtime/apply-batch';
import { ensureCheckpoints } from '../runtime/checkpoints';
import type { Projection } from '../runtime/projection';
import { RebuildCancelledError } from './errors';
import { LogPages } from './log-pages';
import { PageChannel } from './page-channel';

/** What a bulk build fills, from where, and up to where. */
export interface BulkBuildPlan {
  /** Connections whose search_path is the shadow schema only. */
  readonly shadow: DataSource;
  readonly eventStore: EventStore;
  readonly projections: readonly Projection[];
  /** Build until every projection has applied at least this position (the head when the rebuild began). */
  readonly until: bigint;
  /** Log positions read and applied per transaction. */
  readonly pageSize: number;
  readonly signal: AbortSignal;
  /** Called after each committed page with the lowest position every projection has applied. */
  readonly onPage?: (position: bigint) => void;
}

/**
 * Fills shadow copies from their checkpoints up to `until`, faster than a live runner can:
 * large pages, the next one read while the current one is applied, each projection on a
 * connection of its own so PostgreSQL works on them side by side, and commits that do not
 * wait for the disk. Each projection's rows and checkpoint still commit together, so the
 * copies stay consistent at every commit; a commit lost in a crash of the server only sends
 * the rebuild back to an earlier checkpoint (and a crashed rebuild starts over anyway).
 * Answers the lowest position the copies reached.
 */
export async function bulkBuild(plan: BulkBuildPlan): Promise<bigint> {
  const names = plan.projections.map((projection) => projection.name);
  const positions = await ensureCheckpoints(plan.shadow, names);
  const runners = await connectEach(plan.shadow, plan.projections.length);
  const pages = new LogPages((after) => plan.eventStore.readAll({ after, maxCount: plan.pageSize }), lowest(positions), plan.until);
  // Each projection takes the pages at its own pace, up to PAGES_AHEAD behind the reader:
  // while PostgreSQL stores one projection's page, Node builds the next one's rows.
  const channels = plan.projections.map(() => new PageChannel<readonly StoredEvent[]>(PAGES_AHEAD));
  const failAll = (error: unknown): void => channels.forEach((channel) => channel.fail(error));
  const read = async (): Promise<void> => {
    for (let page = await pages.next(); page; page = await pages.next()) {
      if (plan.signal.aborted) throw new RebuildCancelledError();
      await Promise.all(channels.map((channel) => channel.push(page)));
    }
    for (const channel of channels) channel.end();
  };
  const apply = async (index: number): Promise<void> => {
    const channel = channels[index];
    for (let page = await channel.pop(); page; page = await channel.pop()) {
      await applyPage(runners[index], plan.projections[index], page, positions);
      plan.onPage?.(lowest(positions));
    }
  };
  try {
    const work = [read(), ...plan.projections.map((_, index) => apply(index))];
    await settleAll(work.map((part) => part.catch((error: unknown) => (failAll(error), Promise.reject(error)))));
    return lowest(positions);
  } finally {
    await pages.close();
    await Promise.all(runners.map((runner) => runner.release().catch(() => undefined)));
  }
}

/** How many pages a projection may fall behind the reader (each one waits in memory). */
const PAGES_AHEAD = 2;

async function applyPage(runner: QueryRunner, projection: Projection, page: readonly StoredEvent[], positions: Map<string, bigint>): Promise<void> {
  const from = positions.get(projection.name) ?? 0n;
  await runner.startTransaction();
  try {
    await runner.query('SET LOCAL synchronous_commit = off');
    await applyBatch(projection, page, from, runner.manager);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  }
  const last = page[page.length - 1].position;
  if (last > from) positions.set(projection.name, last);
}

async function connectEach(dataSource: DataSource, count: number): Promise<QueryRunner[]> {
  const runners: QueryRunner[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const runner = dataSource.createQueryRunner();
      runners.push(runner);
      await runner.connect();
    }
    return runners;
  } catch (error) {
    await Promise.all(runners.map((runner) => runner.release().catch(() => undefined)));
    throw error;
  }
}

/** Like Promise.all, but waits for every one to settle before it throws the first failure. */
async function settleAll(work: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

const lowest = (positions: ReadonlyMap<string, bigint>): bigint => {
  let low: bigint | null = null;
  for (const position of positions.values()) if (low === null || position < low) low = position;
  return low ?? 0n;
};
