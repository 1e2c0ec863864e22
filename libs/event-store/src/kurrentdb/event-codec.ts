import type { EventData, JSONType, RecordedEvent } from '@kurrent/kurrentdb-client';
import { InvalidAppendError } from '../errors';
import type { EventMetadata, StoredEvent } from '../event-store.port';
import type { PreparedEvent } from '../shared/append-validation';
import { packPosition } from './log-position';

/**
 * What a Storyline event's KurrentDB metadata holds: the port's metadata untouched under
 * `metadata` (so no key of it can clash with ours), its schema version, and the correlation
 * and causation ids again under the names KurrentDB's own projections read.
 */
export interface MetadataEnvelope {
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
  readonly $correlationId?: string;
  readonly $causationId?: string;
}

/**
 * Refuses, before anything is sent, what KurrentDB would keep out of the log Storyline reads:
 * streams and event types starting with `$` are system ones, which every `$all` read here
 * filters out, so such an event would be stored yet never reach a projection.
 */
export function checkKurrentDbNames(streamId: string, streamName: string, events: readonly PreparedEvent[]): void {
  if (streamName.startsWith('$')) throw new InvalidAppendError(streamId, 'KurrentDB reserves stream names starting with $ for system streams');
  const system = events.find((event) => event.type.startsWith('$'));
  if (system) throw new InvalidAppendError(streamId, `event ${system.eventId} has type ${JSON.stringify(system.type)}; KurrentDB reserves types starting with $`);
}

/** A checked event as KurrentDB's client sends it: JSON data, the envelope as JSON metadata. */
export function toEventData(event: PreparedEvent): EventData {
  const metadata = JSON.parse(event.metadata) as EventMetadata;
  const envelope: MetadataEnvelope = {
    schemaVersion: event.schemaVersion,
    metadata,
    ...(typeof metadata.correlationId === 'string' ? { $correlationId: metadata.correlationId } : {}),
    ...(typeof metadata.causationId === 'string' ? { $causationId: metadata.causationId } : {}),
  };
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    // The client JSON.stringify's whatever it is given; null, numbers and booleans included.
    data: JSON.parse(event.data) as JSONType,
    metadata: envelope as unknown as JSONType,
  };
}

/**
 * A recorded KurrentDB event as the port's stored event. `streamId` is the port's id (the
 * stream name without the store's namespace); `recordedAt` is the server's `created`.
 * Throws for an event Storyline did not write, naming it, rather than inventing metadata.
 */
export function toStoredEvent(recorded: RecordedEvent, streamId: string): StoredEvent {
  const where = `event ${recorded.id} in KurrentDB stream ${JSON.stringify(recorded.streamId)}`;
  if (!recorded.isJson) throw new Error(`${where} is not JSON, so Storyline did not write it`);
  if (!recorded.position) throw new Error(`${where} came without its $all position (KurrentDB 22.6 or newer is needed)`);
  const envelope = envelopeOf(recorded.metadata);
  if (!envelope) throw new Error(`${where} has no Storyline metadata (schemaVersion and metadata)`);
  return {
    eventId: recorded.id.toLowerCase(),
    type: recorded.type,
    schemaVersion: envelope.schemaVersion,
    data: recorded.data,
    metadata: envelope.metadata,
    streamId,
    streamRevision: recorded.revision,
    position: packPosition(recorded.position),
    recordedAt: recorded.created,
  };
}

/** True for what KurrentDB writes for itself: links, stream metadata, statistics, tombstones. */
export function isSystemEvent(recorded: Pick<RecordedEvent, 'streamId' | 'type'>): boolean {
  return recorded.streamId.startsWith('$') || recorded.type.startsWith('$');
}

function envelopeOf(metadata: unknown): MetadataEnvelope | undefined {
  if (typeof metadata !== 'object' || metadata === null || metadata instanceof Uint8Array) return undefined;
  const candidate = metadata as Partial<MetadataEnvelope>;
  const validVersion = Number.isInteger(candidate.schemaVersion) && (candidate.schemaVersion as number) >= 1;
  const validMetadata = typeof candidate.metadata === 'object' && candidate.metadata !== null && !Array.isArray(candidate.metadata);
  return validVersion && validMetadata ? (candidate as MetadataEnvelope) : undefined;
}
