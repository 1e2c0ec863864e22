import { DomainError } from '@storyline/story-events';
import type { z } from 'zod';

function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let field = prefix;
  for (const part of path) field = typeof part === 'number' ? `${field}[${part}]` : field ? `${field}.${String(part)}` : String(part);
  return field;
}

/**
 * Checks input against a schema; the first problem becomes the API's VALIDATION.INVALID error
 * naming the field (`field: message`), the same body the hand-written parsers give.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldPath(prefix, issue.path) || prefix || 'body';
  throw new DomainError('VALIDATION.INVALID', `${field}: ${issue.message}`, field);
}
