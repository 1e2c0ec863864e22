import { SLUG } from '@storyline/story-events';
import { invalid, isUuid, storyIdForSlug, storyStream } from '@storyline/story-events';

/** Query parameters as Express hands them over: a repeated one arrives as an array. */
export type QueryParams = Record<string, unknown>;

export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
export const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;
export const HASH = /^[0-9a-fA-F]{64}$/;

/** Refuses parameters the route does not know: a misspelt filter must not silently show everything. */
export function onlyKnown(query: QueryParams, known: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!known.includes(key)) throw invalid(key, `is not a known parameter (known: ${known.join(', ')})`);
  }
}

function single(query: QueryParams, field: string): string | undefined {
  const value = query[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(field, 'must be given once, as a plain value');
  return value;
}

/** A story's id from its id or slug, as the stream id the log files its events under. */
export function storyIdOf(ref: string): string | null {
  if (isUuid(ref)) return ref.toLowerCase();
  if (ref.length <= 80 && SLUG.test(ref)) return storyIdForSlug(ref);
  return null;
}

export function storyFilter(query: QueryParams): string | undefined {
  const ref = single(query, 'story');
  if (ref === undefined) return undefined;
  const id = storyIdOf(ref);
  if (id === null) throw invalid('story', `must be a story id or slug, got "${ref.slice(0, 80)}"`);
  return storyStream(id);
}

export function textFilter(query: QueryParams, field: string, max: number): string | undefined {
  const value = single(query, field);
  if (value === undefined) return undefined;
  if (value.length === 0 || value.length > max || value.includes('\u0000')) throw invalid(field, `must be 1 to ${max} characters`);
  return value;
}

export function typeFilter(query: QueryParams): string | undefined {
  const value = single(query, 'type');
  if (value !== undefined && !EVENT_TYPE.test(value)) throw invalid('type', `must be an event type such as FactReported, got "${value.slice(0, 40)}"`);
  return value;
}

/** An ISO-8601 instant, kept as text (PostgreSQL reads microseconds a JS Date would drop). */
export function instantFilter(query: QueryParams, field: string): string | undefined {
  const value = single(query, field);
  if (value === undefined) return undefined;
  const text = value.length === 10 ? `${value}T00:00:00Z` : value;
  if (!ISO_INSTANT.test(value) || Number.isNaN(new Date(text).getTime()) || !realCalendarDate(value)) {
    throw invalid(field, `must be an ISO-8601 date or date-time with a time zone (2026-11-22 or 2026-11-22T09:30:00Z), got "${value.slice(0, 40)}"`);
  }
  return text;
}

function realCalendarDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function positionParam(query: QueryParams, field: string): bigint | undefined {
  const value = single(query, field);
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw invalid(field, `must be a log position (a whole number >= 0), got "${value.slice(0, 40)}"`);
  return BigInt(value);
}

export function limitParam(query: QueryParams): number {
  const value = single(query, 'limit');
  if (value === undefined) return 100;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 1000) throw invalid('limit', `must be between 1 and 1000, got "${value.slice(0, 20)}"`);
  return Number(value);
}

export function hashParam(query: QueryParams, field: string): string | undefined {
  const value = single(query, field);
  if (value !== undefined && !HASH.test(value)) throw invalid(field, `must be a SHA-256 hash in hex (64 characters), got "${value.slice(0, 80)}"`);
  return value?.toLowerCase();
}
