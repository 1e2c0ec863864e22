import type { StoredEvent } from '@storyline/event-store';
import { upcast, type Position, type StoryEvent } from '@storyline/story-events';
import { emptyReplayState, evolveReplayState, summarise, type FullReplayState, type ReplaySummary } from './replay-state';

export type StateDetail = 'summary' | 'full' | 'none';

/** One step of a replay: the event as stored (in its current shape) and the story after it. */
export interface ReplayStep {
  readonly position: Position;
  readonly revision: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly eventId: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly state?: ReplaySummary | FullReplayState;
}

/** Folds a story's events one at a time, producing a step for each. */
export class StoryReplayer {
  private state: FullReplayState = emptyReplayState;

  constructor(private readonly detail: StateDetail) {}

  step(stored: StoredEvent): ReplayStep {
    const event = upcast(stored);
    this.state = evolveReplayState(this.state, { type: event.type, data: event.data } as StoryEvent);
    const state = this.detail === 'none' ? undefined : this.detail === 'full' ? this.state : summarise(this.state);
    return {
      position: event.position,
      revision: event.streamRevision,
      type: event.type,
      schemaVersion: event.schemaVersion,
      recordedAt: event.recordedAt.toISOString(),
      eventId: event.eventId,
      data: event.data,
      metadata: event.metadata,
      ...(state === undefined ? {} : { state }),
    };
  }
}
