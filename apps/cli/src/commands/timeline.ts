import type { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetTimelineQuery, MAX_TIMELINE_PAGE, parseAsOf, parseOrder, parseTimelinePage, type TimelineView } from '@storyline/projections';

export interface TimelineOptions {
  readonly order?: string;
  readonly asOf?: string;
  readonly clock?: string;
  readonly atPosition?: string;
}

/** The whole timeline: every page of the view, each pinned to the first page's position. */
export async function readTimeline(app: INestApplicationContext, story: string, options: TimelineOptions): Promise<TimelineView> {
  const query: Record<string, unknown> = { limit: String(MAX_TIMELINE_PAGE) };
  for (const key of ['order', 'asOf', 'clock', 'atPosition'] as const) if (options[key] !== undefined) query[key] = options[key];
  const read = async (asked: Record<string, unknown>): Promise<TimelineView> => {
    const { order, view, paging } = parseTimelinePage(asked, parseOrder(asked), parseAsOf(asked));
    return app.get(QueryBus).execute(new GetTimelineQuery(story, order, view, paging));
  };
  const first = await read(query);
  const entries = [...first.entries];
  const links = [...first.links];
  for (let next = first.next; next !== null; ) {
    const page = await read({ limit: query.limit, cursor: next });
    entries.push(...page.entries);
    links.push(...page.links);
    next = page.next;
  }
  return { ...first, entries, links, next: null };
}

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : 'unknown');

function clip(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

/** A table a person can read in a terminal: one line per report and fact. */
export function formatTimeline(view: TimelineView, width = process.stdout.columns || 200): string {
  const header = `${view.story.title} (${view.story.slug}), as of log position ${view.position}`;
  const fixed = 10 + 2 + 6 + 2 + 24 + 2 + 24 + 2 + 14 + 2;
  const rest = Math.max(30, width - fixed);
  const lines = view.entries.map((entry) => {
    const what = entry.kind === 'report' ? `[report ${entry.reportId.slice(0, 8)}] ${entry.headline ?? ''}`.trimEnd() : (entry.statement ?? '');
    const said = entry.kind === 'fact' ? (entry.attributedTo ?? '(outlet itself)') : '';
    return [day(entry.reportedAt), clip(entry.kind, 6), clip(entry.source, 24), clip(said, 24), clip(entry.modality ?? '', 14), clip(what, rest)].join('  ');
  });
  const columns = ['reported  ', 'kind  ', clip('source', 24), clip('attributed to', 24), clip('modality', 14), 'statement or headline'].join('  ');
  return [header, '', columns, ...lines, '', `${view.entries.length} entries`].join('\n');
}
