import type { Unit } from '../rules/time-phrases';

/** Date arithmetic in UTC: the extractor never depends on the machine's time zone. */
export function addUnits(date: Date, amount: number, unit: Unit): Date {
  const next = new Date(date.getTime());
  if (unit === 'day') next.setUTCDate(next.getUTCDate() + amount);
  if (unit === 'week') next.setUTCDate(next.getUTCDate() + 7 * amount);
  if (unit === 'month') next.setUTCMonth(next.getUTCMonth() + amount);
  if (unit === 'year') next.setUTCFullYear(next.getUTCFullYear() + amount);
  return next;
}

/** The first instant of the calendar unit holding `date` (weeks start on Monday). */
export function startOf(date: Date, unit: Unit): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (unit === 'year') return new Date(Date.UTC(year, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(year, month, 1));
  const day = new Date(Date.UTC(year, month, date.getUTCDate()));
  if (unit === 'day') return day;
  return addUnits(day, -((day.getUTCDay() + 6) % 7), 'day');
}
