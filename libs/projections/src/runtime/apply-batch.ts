import type { StoredEvent } from '@storyline/event-store';
import type { EntityManager } from 'typeorm';
import { advanceCheckpoint } from './checkpoints';
import { asProjectedEvent, type ProjectedEvent, type Projection } from './projection';

/** Tags a projection's own failure with its name, so the error can say who failed. */
export class ApplyFailure extends Error {
  constructor(
    readonly projection: string,
    override readonly cause: unknown,
  ) {
    super(`${projection}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Applies the batch's events after `from` that the projection handles, and moves its
 * checkpoint to the batch's last position, inside the caller's transaction. Answers how
 * many events it handed to the projection; a failure comes out as an {@link ApplyFailure}.
 */
export async function applyBatch(projection: Projection, batch: readonly StoredEvent[], from: bigint, manager: EntityManager): Promise<number> {
  const last = batch[batch.length - 1].position;
  if (last <= from) return 0;
  try {
    const events = batch.filter((event) => event.position > from).map(asProjectedEvent).filter(handledBy(projection));
    if (events.length > 0) await projection.apply(events, manager);
    await advanceCheckpoint(manager, projection.name, last, events.length);
    return events.length;
  } catch (error) {
    throw new ApplyFailure(projection.name, error);
  }
}

const handledBy =
  (projection: Projection) =>
  (event: ProjectedEvent | null): event is ProjectedEvent =>
    event !== null && projection.handles.includes(event.type);
