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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Whether `statement` names `day` (YYYY-MM-DD) as a calendar date, by month name and day
 * number ("March 17", "Mar. 17", "17 March", "17th of March"), rather than relative to its
 * report ("on Friday", "yesterday"). A writer who names the date is recalling a day worth
 * remembering; a relative day is the routine of a same-week report.
 */
export function statesCalendarDay(statement: string, day: string): boolean {
  const month = MONTHS[Number(day.slice(5, 7)) - 1];
  const date = Number(day.slice(8, 10));
  if (!month || !date) return false;
  const pattern = new RegExp(`\\b${month}[a-z]*\\.?\\s+${date}(?:st|nd|rd|th)?(?!\\d)|\\b${date}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}`, 'i');
  return pattern.test(statement);
}

/** The publication day (YYYY-MM-DD, UTC) of an ISO instant. */
export function dayOf(instant: string): string {
  return new Date(Date.parse(instant)).toISOString().slice(0, 10);
}

/** Whole days from `earlier` to `later` (both YYYY-MM-DD); negative when `later` is before. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS);
}
