import { DuplicateEventError, InvalidAppendError } from '../errors';
import type { NewEvent } from '../event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// In JSON.stringify's output: an escape preceded by an even run of backslashes (an odd run
// would escape the backslash itself). It escapes NUL, and surrogates only when they are lone.
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/;
const ESCAPED_LONE_SURROGATE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i;

/** An event checked and serialised for storage: data and metadata as JSON text. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
}

/**
 * Checks what every adapter can check without storage, so all of them refuse the same
 * appends with the same errors, and so that one malformed event cannot fail a group commit
 * it shares with others. Event ids come back in lower case, the form PostgreSQL and KurrentDB
 * hand back, so that a retry spelled in another case is still recognised.
 */
export function prepareAppend(streamId: string, events: readonly NewEvent[]): PreparedEvent[] {
  checkText(String(streamId), 'the stream id', streamId);
  if (events.length === 0) throw new InvalidAppendError(streamId, 'an append needs at least one event');
  const seen = new Set<string>();
  return events.map((event) => {
    const prepared = prepareEvent(streamId, event);
    if (seen.has(prepared.eventId)) throw new DuplicateEventError(prepared.eventId, streamId);
    seen.add(prepared.eventId);
    return prepared;
  });
}

function prepareEvent(streamId: string, event: NewEvent): PreparedEvent {
  if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) {
    throw new InvalidAppendError(streamId, `event id ${JSON.stringify(event.eventId)} is not a UUID`);
  }
  const eventId = event.eventId.toLowerCase();
  checkText(streamId, `the type of event ${eventId}`, event.type);
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1 || event.schemaVersion > 2_147_483_647) {
    throw new InvalidAppendError(streamId, `event ${eventId} has schema version ${event.schemaVersion}; expected a whole number from 1`);
  }
  if (typeof event.metadata !== 'object' || event.metadata === null || Array.isArray(event.metadata)) {
    throw new InvalidAppendError(streamId, `the metadata of event ${eventId} must be an object`);
  }
  return {
    eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: storableJson(streamId, `the data of event ${eventId}`, event.data),
    metadata: storableJson(streamId, `the metadata of event ${eventId}`, event.metadata),
  };
}

// PostgreSQL text cannot hold U+0000, and a lone surrogate has no UTF-8 form; refusing both
// everywhere keeps the adapters interchangeable.
function checkText(streamId: string, what: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidAppendError(streamId, `${what} is empty`);
  if (value.includes('\u0000')) throw new InvalidAppendError(streamId, `${what} contains the character U+0000`);
  if (LONE_SURROGATE.test(value)) throw new InvalidAppendError(streamId, `${what} contains a lone UTF-16 surrogate`);
}

function storableJson(streamId: string, what: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(streamId, `${what} is not JSON: ${(error as Error).message}`);
  }
  if (json === undefined) throw new InvalidAppendError(streamId, `${what} is not JSON`);
  if (ESCAPED_NUL.test(json)) throw new InvalidAppendError(streamId, `${what} contains the character U+0000`);
  if (ESCAPED_LONE_SURROGATE.test(json)) throw new InvalidAppendError(streamId, `${what} contains a lone UTF-16 surrogate`);
  return json;
}

/** A batch size or count: a whole number from 0, or a clear error naming the option. */
export function checkCount(name: string, value: number | undefined, presence: 'optional' | 'required' = 'optional'): void {
  if (value === undefined && presence === 'optional') return;
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  }
}
