import type { Request } from 'express';
import type { CommandContext } from '../command-handling/command-context';
import { invalid } from '@storyline/story-events';
import { newId } from '@storyline/story-events';

const TOKEN = /^[A-Za-z0-9._:\-]{1,200}$/;

import type { Authenticated } from '@storyline/story-events';

export type { Authenticated };


function header(request: Request, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  if (Array.isArray(value)) throw invalid(name, 'must be sent once');
  return value;
}

function token(request: Request, name: string, fieldName: string): string | null {
  const value = header(request, name);
  if (value === null) return null;
  if (!TOKEN.test(value)) throw invalid(fieldName, 'must be 1 to 200 characters of letters, digits and . _ : -');
  return value;
}

/** `If-Match: "3"` (or W/"3", or 3) → 3n: the stream revision the client last saw. */
export function parseIfMatch(value: string | null): bigint | null {
  if (value === null) return null;
  const match = /^(?:W\/)?"?(\d{1,18})"?$/.exec(value.trim());
  if (!match) throw invalid('If-Match', `must be a revision ETag such as "3", got ${value}`);
  return BigInt(match[1]);
}

export function commandContext(request: Request & Authenticated): CommandContext {
  const commandId = newId();
  return {
    actor: request.actor ?? 'anonymous',
    actorName: request.actorName,
    correlationId: token(request, 'x-correlation-id', 'X-Correlation-Id') ?? commandId,
    commandId,
    idempotencyKey: token(request, 'idempotency-key', 'Idempotency-Key'),
    expectedRevision: parseIfMatch(header(request, 'if-match')),
  };
}
