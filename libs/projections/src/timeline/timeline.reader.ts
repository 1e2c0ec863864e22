import type { DataSource } from 'typeorm';
import { FactHistoryProjection } from '../facts/fact-history.projection';
import { clockOf, factViews, readFactHistory } from '../facts/fact-view';
import { viewPosition, whereInView, type AsOfView } from '../runtime/as-of';
import { positionToNumber } from '../schema/bigint-column';
import { TimelineEntryRow } from '../schema/timeline-entry.entity';
import { timelineEntry, timelineLink, viewedRow, type TimelineEntry, type TimelineLink } from './timeline-entry';
import { orderTimeline, type TimelineOrder } from './timeline-order';
import { TimelineProjection } from './timeline.projection';

export interface TimelineQuery extends AsOfView {
  readonly order: TimelineOrder;
}

/** A timeline and the log position it reflects; asking again `atPosition` gives the same one. */
export interface Timeline {
  readonly position: number;
  readonly entries: TimelineEntry[];
  /** The links the view may see between facts it shows. */
  readonly links: TimelineLink[];
}

const PROJECTIONS = [new TimelineProjection().name, new FactHistoryProjection().name];

/** Reads a story's timeline on any clock, as of any instant or position. */
export class TimelineReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The story's entries in the view, ordered on `query.order`; empty for an unknown story.
   * Facts show the content, status and verdict the view may see: a correction published after
   * `asOf` (reported clock) or recorded after it (recorded clock) is not there yet.
   */
  timeline(storyId: string, query: TimelineQuery): Promise<Timeline> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await viewPosition(manager, PROJECTIONS, query);
      const select = manager.getRepository(TimelineEntryRow).createQueryBuilder('entry').where('entry.storyId = :storyId', { storyId });
      const rows = await whereInView(select, 'entry', query, position).orderBy('entry.position', 'ASC').getMany();
      const history = await readFactHistory(manager, { storyId }, query, position);
      const facts = factViews(history, clockOf(query));
      const viewed = rows.map((row) => viewedRow(row, facts.get(row.id)));
      const shown = new Set(rows.filter((row) => row.kind === 'fact').map((row) => row.id));
      return {
        position: positionToNumber(position),
        entries: orderTimeline(viewed, query.order).map(timelineEntry),
        links: history.links.filter((link) => shown.has(link.fromFactId) && shown.has(link.toFactId)).map(timelineLink),
      };
    });
  }
}
