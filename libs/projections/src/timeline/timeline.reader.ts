import type { Position } from '@storyline/story-events';
import type { DataSource } from 'typeorm';
import { FactHistoryProjection } from '../facts/fact-history.projection';
import { clockOf, factViews } from '../facts/fact-view';
import type { AsOf } from '@storyline/story-events';
import { ViewCache } from '../runtime/view-cache';
import { timelineEntry, timelineLink, viewedRow, type TimelineEntry, type TimelineLink } from './timeline-entry';
import { orderTimeline } from './timeline-order';
import { type TimelineOrder } from '@storyline/story-events';
import { readTimelineContent, readTimelineHead, type TimelineContent } from './timeline-sql';
import { TimelineProjection } from './timeline.projection';

export interface TimelineQuery extends AsOf {
  readonly order: TimelineOrder;
}

/** A timeline and the log position it reflects; asking again `atPosition` gives the same one. */
export interface Timeline {
  readonly position: Position;
  readonly entries: TimelineEntry[];
  /** The links the view may see between facts it shows. */
  readonly links: TimelineLink[];
}

export interface TimelineReaderOptions {
  /** How many views to keep in memory (default 500); 0 reads every view afresh. */
  readonly cacheSize?: number;
}

type TimelineContentView = Omit<Timeline, 'position'>;

const PROJECTIONS = [new TimelineProjection().name, new FactHistoryProjection().name];

/**
 * Reads a story's timeline on any clock, as of any instant or position.
 *
 * A view's content is fixed by the story's rows up to the view's position, and rows up to an
 * applied position never change; so views are cached by the story's newest row in the view
 * (not by the log's head, which moves with every other story too) and by the read model's
 * generation (a rebuild's swap starts a new one). A cached read is one small statement.
 */
export class TimelineReader {
  private readonly cache: ViewCache<TimelineContentView>;

  constructor(
    private readonly dataSource: DataSource,
    options: TimelineReaderOptions = {},
  ) {
    this.cache = new ViewCache(options.cacheSize ?? 500);
  }

  /**
   * The story's entries in the view, ordered on `query.order`; empty for an unknown story.
   * Facts show the content, status and verdict the view may see: a correction published after
   * `asOf` (reported clock) or recorded after it (recorded clock) is not there yet.
   */
  async timeline(storyId: string, query: TimelineQuery): Promise<Timeline> {
    const head = await readTimelineHead(this.dataSource, storyId, PROJECTIONS, query);
    const key = [storyId, query.order, clockOf(query), query.asOf?.toISOString() ?? '', head.storyHead, head.generation].join('|');
    const cached = this.cache.get(key);
    if (cached) return { position: head.position, ...cached };
    const content = await readTimelineContent(this.dataSource, storyId, query, head.position);
    const view = timelineFrom(content, query);
    // A swap between the two statements: the view is right for the new tables, but not under this key.
    if (content.generation === head.generation) this.cache.set(key, frozen(view));
    return { position: head.position, ...view };
  }

  get cacheStats(): ViewCache<TimelineContentView>['stats'] {
    return this.cache.stats;
  }
}

function timelineFrom(content: TimelineContent, query: TimelineQuery): TimelineContentView {
  const facts = factViews(content, clockOf(query));
  const viewed = content.rows.map((row) => viewedRow(row, facts.get(row.id)));
  const shown = new Set(content.rows.filter((row) => row.kind === 'fact').map((row) => row.id));
  return {
    entries: orderTimeline(viewed, query.order).map(timelineEntry),
    links: content.links.filter((link) => shown.has(link.fromFactId) && shown.has(link.toFactId)).map(timelineLink),
  };
}

/** Cached views are shared by every answer that hits them: nobody may change one. */
function frozen(view: TimelineContentView): TimelineContentView {
  view.entries.forEach((entry) => Object.freeze(entry));
  view.links.forEach((link) => Object.freeze(link));
  return Object.freeze({ entries: Object.freeze(view.entries) as TimelineEntry[], links: Object.freeze(view.links) as TimelineLink[] });
}
