import { Query } from '@nestjs/cqrs';
import type { TimelineEntry, TimelineLink } from './timeline-entry';
import type { AsOf, TimelineOrder } from '@storyline/story-events';

export type { TimelineEntry, TimelineLink };

export interface TimelineView {
  readonly story: { id: string; slug: string; title: string };
  readonly position: number;
  readonly entries: readonly TimelineEntry[];
  /** Links between facts shown in this view (contradictions among them). */
  readonly links: readonly TimelineLink[];
}

export class GetTimelineQuery extends Query<TimelineView> {
  constructor(
    readonly ref: string,
    readonly order: TimelineOrder,
    readonly view: AsOf,
  ) {
    super();
  }
}
