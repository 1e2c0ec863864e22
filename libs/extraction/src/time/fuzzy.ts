import {
  BARE_YEAR,
  EARLIER_THIS,
  FUZZY_PHRASES,
  LAST_UNIT,
  RECENTLY,
  countOf,
  scaleOf,
  unitOf,
} from '../rules/time-phrases';
import type { OccurredInterval } from '../types';
import { addUnits, startOf } from './calendar';

/** A time expression found in a sentence, with where it is (relative to the sentence). */
export interface TimeMatch {
  readonly index: number;
  readonly length: number;
  readonly occurred: OccurredInterval;
}

const UNKNOWN: OccurredInterval = { from: null, to: null, precision: 'unknown' };
const VAGUE_PLURAL = 3;

const interval = (from: Date, to: Date, precision: OccurredInterval['precision']): OccurredInterval => ({
  from: from.toISOString(),
  to: to.toISOString(),
  precision,
});

/** Finds the vague and year-only phrases of `sentence` that chrono-node leaves out. */
export function findRuleTimes(sentence: string, published: Date | null): TimeMatch[] {
  const found: TimeMatch[] = [];
  const add = (match: RegExpExecArray | null, make: (match: RegExpExecArray, at: Date) => OccurredInterval) => {
    if (!match) return;
    found.push({ index: match.index, length: match[0].length, occurred: published ? make(match, published) : UNKNOWN });
  };
  for (const phrase of FUZZY_PHRASES) {
    add(phrase.pattern.exec(sentence), (match, at) => reach(match, at, phrase.direction));
  }
  add(RECENTLY.exec(sentence), (_, at) => interval(addUnits(at, -1, 'month'), at, 'fuzzy'));
  add(EARLIER_THIS.exec(sentence), (match, at) => interval(startOf(at, unitOf(match[1])), at, 'fuzzy'));
  add(LAST_UNIT.exec(sentence), (match, at) => lastUnit(unitOf(match[1]), at));
  const year = BARE_YEAR.exec(sentence);
  if (year) {
    const from = new Date(Date.UTC(Number(year[1]), 0, 1));
    found.push({ index: year.index, length: year[0].length, occurred: interval(from, addUnits(from, 1, 'year'), 'year') });
  }
  return found;
}

function reach(match: RegExpExecArray, at: Date, direction: 'past' | 'future'): OccurredInterval {
  const groups = match.slice(1).filter((group) => group !== undefined);
  const unitWord = groups[groups.length - 1];
  const countWord = groups.length > 1 ? groups[groups.length - 2] : undefined;
  const count = (countWord ? countOf(countWord.replace(/ of$/, '')) : VAGUE_PLURAL) * scaleOf(unitWord);
  const unit = unitOf(unitWord);
  return direction === 'past'
    ? interval(addUnits(at, -count, unit), at, 'fuzzy')
    : interval(at, addUnits(at, count, unit), 'fuzzy');
}

function lastUnit(unit: ReturnType<typeof unitOf>, at: Date): OccurredInterval {
  const current = startOf(at, unit);
  const previous = addUnits(current, -1, unit);
  return interval(previous, current, unit === 'month' || unit === 'year' ? unit : 'fuzzy');
}
