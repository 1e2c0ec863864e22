import { Query } from '@nestjs/cqrs';
import type { TimelineEntry, TimelineLink } from './timeline-entry';
import type { AsOf, Position, TimelineOrder } from '@storyline/story-events';
import { DEFAULT_TIMELINE_PAGE, type TimelinePaging } from './timeline-page';

export type { TimelineEntry, TimelineLink };

export interface TimelineView {
  readonly story: { id: string; slug: string; title: string };
  readonly position: Position;
  readonly entries: readonly TimelineEntry[];
  /** Links between facts shown in this view (contradictions among them), each on the page of its later fact. */
  readonly links: readonly TimelineLink[];
  /** How many entries the whole view holds, over all its pages. */
  readonly total: number;
  /** Pass as `cursor` for the next page of this same view (pinned to `position`); null on the last page. */
  readonly next: string | null;
}

export class GetTimelineQuery extends Query<TimelineView> {
  constructor(
    readonly ref: string,
    readonly order: TimelineOrder,
    readonly view: AsOf,
    readonly paging: TimelinePaging = { offset: 0, limit: DEFAULT_TIMELINE_PAGE },
  ) {
    super();
  }
}
