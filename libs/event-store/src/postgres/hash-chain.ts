import { createHash } from 'node:crypto';

/**
 * The hash chain that makes the PostgreSQL event log tamper-evident (docs/audit.md gives the
 * algorithm for auditors). Every event's hash covers its predecessor's hash along the global
 * log and the event's canonical form:
 *
 *   hash(n) = lowercase hex SHA-256 of UTF-8( hash(n-1) as 64 hex characters + canonical(event n) )
 *
 * with hash(0) = {@link GENESIS_HASH}.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** "Chain algorithm" label carried by exports, so a reader knows which rules apply. */
export const HASH_ALGORITHM = 'storyline-sha256-chain-v1';

const HEX_HASH = /^[0-9a-f]{64}$/;

/** Exactly the fields the hash covers, as they read back from PostgreSQL. */
export interface ChainedEventContent {
  /** Global position, as decimal text (bigints do not fit a JSON number). */
  readonly position: string;
  /** Lower-case UUID. */
  readonly eventId: string;
  readonly streamId: string;
  /** Revision in the stream, as decimal text. */
  readonly streamRevision: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** The stored timestamptz in UTC with exactly six fractional digits: `2026-11-22T09:30:00.123456Z`. */
  readonly recordedAt: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * The canonical JSON text of a JSON value: RFC 8785 (JSON Canonicalization Scheme). Object
 * keys sorted by UTF-16 code units, no whitespace, strings escaped as JSON.stringify does,
 * numbers in ECMAScript's shortest round-trip form. Throws on values JSON cannot hold.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash the number ${value}: JSON has no form for it`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`cannot hash a value of type ${typeof value}`);
  }
}

// Loops and string concatenation rather than map/join: this runs for every appended event.
function canonicalArray(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index++) text += (index === 0 ? '' : ',') + canonicalJson(items[index]);
  return `${text}]`;
}

function canonicalObject(record: Record<string, unknown>): string {
  let text = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${text}}`;
}

/** The canonical JSON text of an event's data and metadata: all of an event's hashing that needs no place in the log. */
export interface CanonicalBody {
  readonly data: string;
  readonly metadata: string;
}

/** Where and when an event was stored: the hashed fields other than data and metadata. */
export type EventPlace = Omit<ChainedEventContent, 'data' | 'metadata'>;

/** Canonicalises data and metadata given as the JSON text stored in jsonb, parsed as jsonb hands it back. */
export function canonicalBody(dataJson: string, metadataJson: string): CanonicalBody {
  return { data: canonicalJson(JSON.parse(dataJson)), metadata: canonicalJson(JSON.parse(metadataJson)) };
}

/**
 * {@link canonicalJson} of the nine hashed fields, assembled from a precomputed body: the
 * members are written in their sorted order (a test checks it against canonicalJson).
 */
export function canonicalEventFrom(place: EventPlace, body: CanonicalBody): string {
  const text = (value: string): string => JSON.stringify(value);
  return (
    `{"data":${body.data},"eventId":${text(place.eventId)},"metadata":${body.metadata},"position":${text(place.position)},` +
    `"recordedAt":${text(place.recordedAt)},"schemaVersion":${canonicalJson(place.schemaVersion)},"streamId":${text(place.streamId)},` +
    `"streamRevision":${text(place.streamRevision)},"type":${text(place.type)}}`
  );
}

/** The canonical form of one event: {@link canonicalJson} of exactly its nine hashed fields. */
export function canonicalEvent(event: ChainedEventContent): string {
  return canonicalEventFrom(event, { data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) });
}

/** The hash of `event` chained after an event whose hash is `prevHash`. */
export function chainHash(prevHash: string, event: ChainedEventContent): string {
  return chainHashFrom(prevHash, event, { data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) });
}

/** {@link chainHash} from a precomputed body, as the append path does it. */
export function chainHashFrom(prevHash: string, place: EventPlace, body: CanonicalBody): string {
  if (!HEX_HASH.test(prevHash)) throw new TypeError(`a previous hash must be 64 lower-case hex characters, got ${JSON.stringify(prevHash).slice(0, 80)}`);
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalEventFrom(place, body), 'utf8').digest('hex');
}

/** True when `hash` is 64 lower-case hex characters, the only form the chain uses. */
export function isChainHash(hash: unknown): hash is string {
  return typeof hash === 'string' && HEX_HASH.test(hash);
}

/**
 * SQL for a timestamptz column as the chain's `recordedAt` text: UTC, microseconds, `Z`.
 * Hashing this text (not a JS Date, which has milliseconds) hashes exactly what is stored.
 */
export function recordedAtText(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
