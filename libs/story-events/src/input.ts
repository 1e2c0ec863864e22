import { invalid } from './errors';

/**
 * Small readers for untrusted input (JSON bodies, CLI files). Each names the field path it
 * rejects, so every 400 says exactly what is wrong and where.
 */
export type Json = Record<string, unknown>;

export function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(field || 'body', 'must be a JSON object');
  }
  return value as Json;
}

export function rejectUnknownKeys(value: Json, allowed: readonly string[], prefix: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw invalid(join(prefix, key), `is not a known field (known: ${allowed.join(', ')})`);
  }
}

export const join = (prefix: string, key: string): string => (prefix ? `${prefix}.${key}` : key);

interface TextRule {
  readonly max: number;
  readonly min?: number;
  readonly pattern?: RegExp;
  readonly patternHint?: string;
}

export function text(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string') throw invalid(field, `must be a string, got ${describe(value)}`);
  if (value.includes('\u0000')) throw invalid(field, 'must not contain NUL characters');
  const min = rule.min ?? 1;
  if (value.trim().length < min) throw invalid(field, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
  if (value.length > rule.max) throw invalid(field, `must be at most ${rule.max} characters, got ${value.length}`);
  if (rule.pattern && !rule.pattern.test(value)) throw invalid(field, rule.patternHint ?? `must match ${rule.pattern}`);
  return value;
}

export function optionalText(value: unknown, field: string, rule: TextRule): string | null {
  return value === undefined || value === null ? null : text(value, field, rule);
}

export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(field, `must be a whole number, got ${describe(value)}`);
  if (value < min || value > max) throw invalid(field, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(field, `must be one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

/** What `instant` accepts before its calendar check (also the OpenAPI pattern of instants). */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** An ISO-8601 date or instant with its offset, returned as a UTC ISO string. */
export function instant(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw invalid(field, `must be an ISO-8601 date or date-time with a time zone (2025-11-20 or 2025-11-20T09:00:00Z), got ${describe(value)}`);
  }
  const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed.getTime())) throw invalid(field, `is not a real date: ${value}`);
  // Date() rolls 2025-02-30 over to March; the calendar check refuses it instead.
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) throw invalid(field, `is not a real date: ${value}`);
  return parsed.toISOString();
}

export function optionalInstant(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : instant(value, field);
}

export function array(value: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw invalid(field, `must be an array, got ${describe(value)}`);
  if (value.length > max) throw invalid(field, `must have at most ${max} items, got ${value.length}`);
  return value;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
