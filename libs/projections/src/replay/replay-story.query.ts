import { Query } from '@nestjs/cqrs';
import type { Position, StorySummary } from '@storyline/story-events';
import type { ReplayStep, StateDetail } from './replay';

export interface ReplayPage {
  readonly story: StorySummary;
  readonly events: readonly ReplayStep[];
  /** Pass as `after` for the next page; null when this page reached the story's newest event. */
  readonly next: Position | null;
  /** The position of the story's newest event when the page was read. */
  readonly head: Position;
}

export class ReplayStoryQuery extends Query<ReplayPage> {
  constructor(
    readonly ref: string,
    readonly after: Position,
    readonly limit: number,
    readonly detail: StateDetail,
  ) {
    super();
  }
}
