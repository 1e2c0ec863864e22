import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AsOf } from '@storyline/story-events';
import { lowestCheckpoint, waitOutSwaps } from './checkpoints';

/**
 * The position a view reflects: the projections' checkpoint, or `atPosition` when asked
 * (capped at the checkpoint: the read model cannot show what it has not applied yet).
 * Read inside the same snapshot as the rows, so the two agree. Call it first in the
 * reader's transaction: it waits out a rebuild's swap (see {@link waitOutSwaps}).
 */
export async function viewPosition(manager: EntityManager, projections: readonly string[], view: AsOf): Promise<bigint> {
  await waitOutSwaps(manager);
  const checkpoint = await lowestCheckpoint(manager, projections);
  if (view.atPosition === undefined) return checkpoint;
  const asked = view.atPosition;
  return asked < checkpoint ? asked : checkpoint;
}

/** Narrows rows having `position`, `reportedAt` and `recordedAt` to the view. */
export function whereInView<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  view: AsOf,
  position: bigint,
): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.position <= :position`, { position: position.toString() });
  if (view.asOf === undefined) return query;
  const column = (view.clock ?? 'reported') === 'reported' ? 'reportedAt' : 'recordedAt';
  return query.andWhere(`${alias}.${column} <= :asOf`, { asOf: view.asOf });
}

/** Like {@link whereInView} for rows that only have the recorded clock (sources, aliases). */
export function whereRecordedInView<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  view: AsOf,
  position: bigint,
): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.position <= :position`, { position: position.toString() });
  if (view.asOf === undefined || view.clock !== 'recorded') return query;
  return query.andWhere(`${alias}.recordedAt <= :asOf`, { asOf: view.asOf });
}

export const isoOrNull = (time: Date | null): string | null => (time === null ? null : time.toISOString());
