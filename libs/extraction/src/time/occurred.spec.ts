import { extractReport } from '../index';
import { occurredIn } from './occurred';

// A Thursday.
const PUBLISHED = new Date('2025-11-27T00:00:00.000Z');

describe('occurred intervals', () => {
  it('makes "in recent months" a fuzzy interval ending at publication', () => {
    expect(occurredIn('The talks took place in recent months.', PUBLISHED)).toEqual({
      from: '2025-08-27T00:00:00.000Z',
      to: '2025-11-27T00:00:00.000Z',
      precision: 'fuzzy',
    });
  });

  it('resolves a weekday to the last such day before publication', () => {
    expect(occurredIn('The minister resigned on Friday.', PUBLISHED)).toEqual({
      from: '2025-11-21T00:00:00.000Z',
      to: '2025-11-22T00:00:00.000Z',
      precision: 'day',
    });
  });

  it('keeps a month without a year in the past unless the sentence looks ahead', () => {
    expect(occurredIn('The deal was signed in March.', PUBLISHED)?.from).toBe('2025-03-01T00:00:00.000Z');
    expect(occurredIn('The deal will be signed in March.', PUBLISHED)?.from).toBe('2026-03-01T00:00:00.000Z');
    expect(occurredIn('The deal was signed in March.', PUBLISHED)?.precision).toBe('month');
  });

  it('keeps a calendar day up to two weeks ahead in the future, and moves one further ahead back a year', () => {
    expect(occurredIn('The plan calls for troops to pull back by 3 December.', PUBLISHED)?.from).toBe('2025-12-03T00:00:00.000Z');
    expect(occurredIn('The plan was agreed on 20 December.', PUBLISHED)?.from).toBe('2024-12-20T00:00:00.000Z');
  });

  it('reads a weekday right after a future marker as the coming one, and "last week" as a week, not a day', () => {
    expect(occurredIn('The ministers will meet on Friday.', PUBLISHED)?.from).toBe('2025-11-28T00:00:00.000Z');
    expect(occurredIn('Protesters who were killed on Friday will be buried in Homs.', PUBLISHED)?.from).toBe('2025-11-21T00:00:00.000Z');
    expect(occurredIn('The envoy last week proposed a truce.', PUBLISHED)).toMatchObject({ precision: 'fuzzy' });
    expect(occurredIn('Prices rose this weekend.', PUBLISHED)).toBeUndefined();
  });

  it('reads full dates at day precision and bare years at year precision', () => {
    expect(occurredIn('It began on 3 October 2024.', PUBLISHED)).toMatchObject({ from: '2024-10-03T00:00:00.000Z', precision: 'day' });
    expect(occurredIn('The plant closed in 2019.', PUBLISHED)).toEqual({
      from: '2019-01-01T00:00:00.000Z',
      to: '2020-01-01T00:00:00.000Z',
      precision: 'year',
    });
  });

  it('reads "last year" as the previous calendar year', () => {
    expect(occurredIn('Exports fell sharply last year.', PUBLISHED)).toMatchObject({ from: '2024-01-01T00:00:00.000Z', precision: 'year' });
  });

  it('leaves a relative time unknown without a publication date, never guessing', () => {
    expect(occurredIn('The minister resigned on Friday.', null)).toBeUndefined();
    expect(occurredIn('The talks took place in recent months.', null)).toEqual({ from: null, to: null, precision: 'unknown' });
  });

  it('never takes a page stamp for the occurred time: a wire dateline, a comment time, an "updated:" line', () => {
    const lead = 'BEIRUT | Thu Nov 27, 2025 3:22pm GMT BEIRUT (Reuters) - Troops shelled the town on Tuesday, residents said.';
    expect(occurredIn(lead, PUBLISHED)).toMatchObject({ from: '2025-11-25T00:00:00.000Z', precision: 'day' });
    expect(occurredIn('ZURICH | Thu Nov 27, 2025 10:36 am GMT ZURICH (Reuters) - Banks kept pay steady.', PUBLISHED)).toBeUndefined();
    expect(occurredIn('November 26, 2025 at 9:53 pm | Reply I think the council should act.', PUBLISHED)).toBeUndefined();
    expect(occurredIn('updated: Wed Nov 26 2025 18:58:00 Fighting continued in the east.', PUBLISHED)).toBeUndefined();
  });

  it('keeps a date that is not a stamp, with or without a clock time', () => {
    expect(occurredIn('The ceasefire began on November 20, 2025 at 6:00 am.', PUBLISHED)).toMatchObject({ from: '2025-11-20T06:00:00.000Z' });
  });

  it('prefers the expression that names a day to a vaguer one before it', () => {
    expect(occurredIn('In an interview last month, he said the army entered the city on Monday.', PUBLISHED)).toMatchObject({
      from: '2025-11-24T00:00:00.000Z',
      precision: 'day',
    });
    expect(occurredIn('Exports fell in 2024 and again on 3 March 2025.', PUBLISHED)).toMatchObject({ from: '2025-03-03T00:00:00.000Z' });
    expect(occurredIn('The talks, held on Monday, followed a visit on Tuesday.', PUBLISHED)?.from).toBe('2025-11-24T00:00:00.000Z');
  });

  it('names no time for a sentence without one', () => {
    expect(occurredIn('The bridge is made of steel.', PUBLISHED)).toBeUndefined();
  });

  it('resolves against the publication date the caller gives', () => {
    const [fact] = extractReport('The envoy arrived yesterday.', { publishedAt: '2025-06-02T09:00:00Z' }).facts;
    expect(fact.occurred).toMatchObject({ from: '2025-06-01T00:00:00.000Z', precision: 'day' });
  });
});
