import * as chrono from 'chrono-node';
import { CHRONO_WEEK_TEXT, FUTURE_MARKERS, IGNORED_CHRONO_TEXT, MAY_HOLD_DATE, NEAR_FUTURE_DAYS, PAGE_STAMPS } from '../rules/time-phrases';
import type { OccurredInterval, Precision } from '../types';
import { addUnits, startOf } from './calendar';
import { findRuleTimes, type TimeMatch } from './fuzzy';

// Without a publication date chrono would resolve "Friday" against the machine's clock;
// a fixed reference keeps the output deterministic, and only dates with a stated year are kept.
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1));
// How far before a weekday (in characters) a future marker still governs it.
const FUTURE_REACH = 40;

/**
 * The occurred interval of a sentence: the time expression that dates its event, resolved
 * against the publication date. Page stamps (a wire dateline, a comment's time, "updated:")
 * are masked first: they say when the page was filed, not when anything happened. Of the
 * remaining expressions, the first that names a day (or an instant) wins, since it is the one
 * that places the event ("Last month the talks stalled; on Friday the envoy resigned"); a
 * sentence with no day keeps its first expression. Returns undefined when the sentence names
 * no time.
 */
export function occurredIn(sentence: string, published: Date | null): OccurredInterval | undefined {
  const text = withoutPageStamps(sentence);
  const rules = findRuleTimes(text, published);
  // Where a rule reads a phrase ("last week" as the whole previous week), chrono-node's reading of it is dropped.
  const overlapsRule = (match: TimeMatch) => rules.some((rule) => match.index < rule.index + rule.length && rule.index < match.index + match.length);
  const matches = [...rules, ...findChronoTimes(text, published).filter((match) => !overlapsRule(match))];
  if (!matches.length) return undefined;
  matches.sort((a, b) => a.index - b.index || b.length - a.length);
  return (matches.find((match) => namesDay(match.occurred)) ?? matches[0]).occurred;
}

/** `sentence` with its page stamps blanked out (same length, so offsets still hold). */
export function withoutPageStamps(sentence: string): string {
  let text = sentence;
  for (const pattern of PAGE_STAMPS) text = text.replace(pattern, (stamp) => ' '.repeat(stamp.length));
  return text;
}

function namesDay(occurred: OccurredInterval): boolean {
  return occurred.precision === 'day' || occurred.precision === 'instant';
}

/** All time expressions chrono-node finds in `sentence`, as intervals. */
export function findChronoTimes(sentence: string, published: Date | null): TimeMatch[] {
  if (!MAY_HOLD_DATE.some((pattern) => pattern.test(sentence))) return [];
  const reference = { instant: published ?? NO_REFERENCE, timezone: 'UTC' };
  const future = FUTURE_MARKERS.test(sentence);
  // Only a marker just before the expression ("will meet on Friday") makes a weekday the coming one.
  const aheadOf = (index: number) => FUTURE_MARKERS.test(sentence.slice(Math.max(0, index - FUTURE_REACH), index));
  return chrono.casual
    .parse(sentence, reference)
    .filter((result) => !IGNORED_CHRONO_TEXT.test(result.text.trim()) && !CHRONO_WEEK_TEXT.test(result.text.trim()))
    .filter((result) => published !== null || result.start.isCertain('year'))
    .map((result) => ({ index: result.index, length: result.text.length, occurred: toInterval(result, published, future, aheadOf(result.index)) }));
}

function toInterval(result: chrono.ParsedResult, published: Date | null, future: boolean, markedAhead: boolean): OccurredInterval {
  const start = result.start;
  const precision = precisionOf(start);
  let from = truncate(start, precision);
  const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day');
  const ahead = weekdayOnly ? markedAhead : future;
  if (published && !ahead && from > published && !start.isCertain('year') && !isNearDate(start, from, published)) from = movedBack(start, from);
  // "They will meet on Friday": a weekday in a sentence about the future is the coming one.
  if (published && markedAhead && weekdayOnly && from < startOf(published, 'day')) from = addUnits(from, 1, 'week');
  const to = result.end ? upperBound(truncate(result.end, precisionOf(result.end)), precisionOf(result.end)) : upperBound(from, precision);
  return { from: from.toISOString(), to: to.toISOString(), precision: result.end ? coarser(precision, precisionOf(result.end)) : precision };
}

function precisionOf(components: chrono.ParsedComponents): Precision {
  if (components.isCertain('hour')) return 'instant';
  if (components.isCertain('day') || components.isCertain('weekday')) return 'day';
  if (components.isCertain('month')) return 'month';
  return 'year';
}

function truncate(components: chrono.ParsedComponents, precision: Precision): Date {
  const date = components.date();
  const year = date.getUTCFullYear();
  if (precision === 'year') return new Date(Date.UTC(year, 0, 1));
  if (precision === 'month') return new Date(Date.UTC(year, date.getUTCMonth(), 1));
  if (precision === 'day') return new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate()));
  return date;
}

function upperBound(from: Date, precision: Precision): Date {
  if (precision === 'year') return addUnits(from, 1, 'year');
  if (precision === 'month') return addUnits(from, 1, 'month');
  if (precision === 'day') return addUnits(from, 1, 'day');
  return from;
}

// "By 10 April" in a report of 6 April is a deadline four days ahead, not last year's 10 April:
// a calendar day without a year stays ahead when it is at most two weeks ahead.
function isNearDate(start: chrono.ParsedComponents, from: Date, published: Date): boolean {
  if (!start.isCertain('month') || !start.isCertain('day')) return false;
  return from.getTime() - published.getTime() <= NEAR_FUTURE_DAYS * 86_400_000;
}

// News reports "on Friday" or "in March" about the past: a guess in the future moves back.
function movedBack(start: chrono.ParsedComponents, from: Date): Date {
  if (!start.isCertain('month') && start.isCertain('weekday')) return addUnits(from, -1, 'week');
  return addUnits(from, -1, 'year');
}

const ORDER: readonly Precision[] = ['instant', 'day', 'month', 'year', 'fuzzy', 'unknown'];

function coarser(a: Precision, b: Precision): Precision {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
