import { comparePositions } from '@storyline/story-events';
import type { TimelineOrder } from '@storyline/story-events';

/** What ordering needs of a timeline entry. */
export interface OrderedEntry {
  readonly kind: 'report' | 'fact';
  readonly reportedAt: Date | null;
  readonly occurredFrom: Date | null;
  readonly occurredTo: Date | null;
  readonly position: bigint;
  /** The position of the entry's report (its own for a report). */
  readonly reportPosition: bigint;
}

type Comparator = (a: OrderedEntry, b: OrderedEntry) => number;

/** Unknown times sort after every known one. */
const time = (value: Date | null): number => (value === null ? Number.POSITIVE_INFINITY : value.getTime());
const byNumber = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);
const kindRank = (entry: OrderedEntry): number => (entry.kind === 'report' ? 0 : 1);

/** When an entry is about: its occurred interval's start (or end), else its report's publication. */
export const occurredTime = (entry: OrderedEntry): number =>
  time(entry.occurredFrom ?? entry.occurredTo ?? entry.reportedAt);

const COMPARATORS: { readonly [order in TimelineOrder]: Comparator } = {
  reported: (a, b) =>
    byNumber(time(a.reportedAt), time(b.reportedAt)) ||
    comparePositions(a.reportPosition, b.reportPosition) ||
    byNumber(kindRank(a), kindRank(b)) ||
    comparePositions(a.position, b.position),
  occurred: (a, b) => byNumber(occurredTime(a), occurredTime(b)) || comparePositions(a.position, b.position),
  recorded: (a, b) => comparePositions(a.position, b.position),
};

/**
 * Orders a timeline on one clock. Reported: by publication (unknown last), each report just
 * before its facts; occurred: by when the thing happened, falling back to publication;
 * recorded: by log position. Ties always fall back to log position, so the order is total.
 */
export function orderTimeline<T extends OrderedEntry>(entries: readonly T[], order: TimelineOrder): T[] {
  return [...entries].sort(COMPARATORS[order]);
}
