import { invalid, positionToJson, type AsOf, type Position, type TimelineOrder } from '@storyline/story-events';
import type { TimelineEntry, TimelineLink } from './timeline-entry';

/** Entries per page when the request does not say (documented in the README's API table). */
export const DEFAULT_TIMELINE_PAGE = 1000;
export const MAX_TIMELINE_PAGE = 5000;

/** Which slice of a view to answer: entries `offset` .. `offset + limit - 1`. */
export interface TimelinePaging {
  readonly offset: number;
  readonly limit: number;
}

/**
 * What a `next` cursor pins: the view (order, clock, instant) and the log position the first
 * page answered, so every later page is cut from exactly the same view; and where to go on.
 */
interface CursorContent {
  readonly position: Position;
  readonly offset: number;
  readonly order: TimelineOrder;
  readonly asOf?: string;
  readonly clock?: string;
}

export function encodeCursor(content: CursorContent): string {
  const json = { p: positionToJson(content.position), o: content.offset, r: content.order, a: content.asOf, c: content.clock };
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

function decodeCursor(cursor: string): CursorContent {
  const bad = () => invalid('cursor', 'must be the `next` value of an earlier timeline page, unchanged');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw bad();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (json === null || typeof json !== 'object') throw bad();
  const { p, o, r, a, c } = json as Record<string, unknown>;
  if (!Number.isSafeInteger(p) || (p as number) < 0 || !Number.isSafeInteger(o) || (o as number) < 0) throw bad();
  if (r !== 'reported' && r !== 'occurred' && r !== 'recorded') throw bad();
  if ((a !== undefined && typeof a !== 'string') || (c !== undefined && c !== 'reported' && c !== 'recorded')) throw bad();
  return { position: BigInt(p as number), offset: o as number, order: r, asOf: a as string | undefined, clock: c as string | undefined };
}

const single = (query: Record<string, unknown>, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(name, 'must be given once');
  return value;
};

function limitOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMELINE_PAGE;
  const limit = Number(value);
  if (!/^\d{1,5}$/.test(value) || limit < 1 || limit > MAX_TIMELINE_PAGE) {
    throw invalid('limit', `must be between 1 and ${MAX_TIMELINE_PAGE} entries, got "${value.slice(0, 20)}"`);
  }
  return limit;
}

/**
 * The page a request asks for. Without `cursor`: the first page of the view the other
 * parameters describe. With it: the page the cursor points at, in the view it pinned (the
 * view's parameters may be repeated, but must then agree with the cursor).
 */
export function parseTimelinePage(
  query: Record<string, unknown>,
  order: TimelineOrder,
  view: AsOf,
): { order: TimelineOrder; view: AsOf; paging: TimelinePaging } {
  const limit = limitOf(single(query, 'limit'));
  const cursor = single(query, 'cursor');
  if (cursor === undefined) return { order, view, paging: { offset: 0, limit } };
  const pinned = decodeCursor(cursor);
  const disagrees =
    (query.order !== undefined && order !== pinned.order) ||
    (view.asOf !== undefined && view.asOf.toISOString() !== pinned.asOf) ||
    (query.clock !== undefined && view.clock !== pinned.clock) ||
    (view.atPosition !== undefined && view.atPosition !== pinned.position);
  if (disagrees) throw invalid('cursor', 'belongs to another view: send it alone (with limit), or with the same order, asOf, clock and atPosition');
  return {
    order: pinned.order,
    view: { asOf: pinned.asOf === undefined ? undefined : new Date(pinned.asOf), clock: pinned.clock as AsOf['clock'], atPosition: pinned.position },
    paging: { offset: pinned.offset, limit },
  };
}

/**
 * One page of a whole view. Each link goes with the page holding the later of its two facts
 * (in the view's order), so a client that has read up to that page has both ends; the pages
 * together hold exactly the view's entries and links.
 */
export function pageOfView(
  whole: { readonly entries: readonly TimelineEntry[]; readonly links: readonly TimelineLink[] },
  paging: TimelinePaging,
): { entries: TimelineEntry[]; links: TimelineLink[]; more: boolean } {
  const end = paging.offset + paging.limit;
  const entries = whole.entries.slice(paging.offset, end);
  if (paging.offset === 0 && entries.length === whole.entries.length) return { entries, links: [...whole.links], more: false };
  const index = new Map(whole.entries.map((entry, at) => [entry.id, at]));
  const links = whole.links.filter((link) => {
    const at = Math.max(index.get(link.fromFactId) ?? -1, index.get(link.toFactId) ?? -1);
    return at >= paging.offset && at < end;
  });
  return { entries, links, more: end < whole.entries.length };
}
