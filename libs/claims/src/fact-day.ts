import type { ClaimFact } from './types';

const DAY_MS = 86_400_000;

/**
 * The calendar day (YYYY-MM-DD, UTC) a fact says its claim occurred on, or null when its
 * occurred time is missing, fuzzy, or wider than a day. "Today", "yesterday" and weekdays are
 * already resolved against the publication date by the extractor, so they count; a publication
 * date alone never dates a claim.
 */
export function occurredDayOf(fact: Pick<ClaimFact, 'occurred'>): string | null {
  const occurred = fact.occurred;
  if (!occurred?.from || (occurred.precision !== 'day' && occurred.precision !== 'instant')) return null;
  const from = Date.parse(occurred.from);
  if (Number.isNaN(from)) return null;
  if (occurred.to) {
    const to = Date.parse(occurred.to);
    if (Number.isNaN(to) || to - from > DAY_MS) return null;
  }
  return new Date(from).toISOString().slice(0, 10);
}

/** The publication day (YYYY-MM-DD, UTC) of an ISO instant. */
export function dayOf(instant: string): string {
  return new Date(Date.parse(instant)).toISOString().slice(0, 10);
}

/** Whole days from `earlier` to `later` (both YYYY-MM-DD); negative when `later` is before. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS);
}
