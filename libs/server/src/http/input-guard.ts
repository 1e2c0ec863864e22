import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { invalid } from '@storyline/story-events';
import type { Request } from 'express';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What PostgreSQL cannot store in text (NUL) or JSON (a lone UTF-16 surrogate), said for a person. */
function problemWith(text: string): string | null {
  if (text.includes('\0')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (half of a character), which is not valid Unicode';
  return null;
}

const MAX_DEPTH = 64;

/** The first string, key or value, anywhere in `value` that cannot be stored, with its path. */
function findBadString(value: unknown, path: string, depth = 0): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = problemWith(value);
    return problem ? { field: path, problem } : null;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findBadString(value[index], `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const keyProblem = problemWith(key);
    if (keyProblem) return { field: path, problem: `has a key that ${keyProblem}` };
    const found = findBadString(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Headers that reach the store or the log (the rest Node's parser already checked for NUL). */
const CHECKED_HEADERS = ['idempotency-key', 'if-match', 'last-event-id', 'x-request-id'];

/**
 * Refuses, with a 400 naming the field, any path segment, query value, header or body string
 * that PostgreSQL could not store: before this, a NUL in `/stories/%00` or a lone surrogate in
 * a report's text reached the database and came back as a 500.
 */
@Injectable()
export class InputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    for (const [name, value] of Object.entries(request.params ?? {})) {
      const problem = typeof value === 'string' ? problemWith(value) : null;
      if (problem) throw invalid(name, `the path segment ${problem}`);
    }
    const found =
      findBadString(request.query, 'query') ??
      CHECKED_HEADERS.map((name) => findBadString(request.headers[name], name)).find(Boolean) ??
      findBadString(request.body, 'body');
    if (found) throw invalid(found.field.replace(/^query\./, ''), found.problem);
    return true;
  }
}
