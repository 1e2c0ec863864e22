import { SCHEMA_VERSIONS, type StorylineEvent, type StorylineEventType } from './events';

type Data = Record<string, unknown>;
type Upcaster = (data: Data) => Data;

/**
 * For each event type, how version N's data becomes version N+1's. Stored events are never
 * rewritten; every reader (deciders, projections, replay, export) sees the current shape.
 */
const UPCASTERS: { readonly [T in StorylineEventType]?: Readonly<Record<number, Upcaster>> } = {
  // Version 2 added the report's language; older reports did not say.
  ReportIngested: { 1: (data) => ({ ...data, language: null }) },
  // Version 2 kept what extraction found: entity mentions and attribution spans.
  FactReported: { 1: (data) => ({ ...data, entities: [], attribution: null }) },
};

/** What upcasting needs of a stored event; the event store's StoredEvent has it. */
export interface VersionedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly position: bigint;
  readonly data: unknown;
}

export class UnknownSchemaVersionError extends Error {
  constructor(readonly event: VersionedEvent) {
    const current = SCHEMA_VERSIONS[event.type as StorylineEventType];
    super(
      current === undefined
        ? `event ${event.eventId} at position ${event.position} has an unknown type "${event.type}"`
        : `event ${event.eventId} at position ${event.position} is ${event.type} version ${event.schemaVersion}, newer than this build knows (${current}); upgrade Storyline`,
    );
    this.name = 'UnknownSchemaVersionError';
  }
}

/** The stored event in the current shape of its type, with the current schema version. */
export function upcast<E extends VersionedEvent>(stored: E): E {
  const type = stored.type as StorylineEventType;
  const current = SCHEMA_VERSIONS[type];
  if (current === undefined || stored.schemaVersion > current) throw new UnknownSchemaVersionError(stored);
  let data = stored.data as Data;
  for (let version = stored.schemaVersion; version < current; version++) {
    const step = UPCASTERS[type]?.[version];
    if (!step) throw new Error(`no upcaster for ${type} from version ${version} to ${version + 1}`);
    data = step(data);
  }
  return data === stored.data ? stored : { ...stored, data, schemaVersion: current };
}

/** The domain event carried by a stored event, in its current shape. */
export function toDomainEvent(stored: VersionedEvent): StorylineEvent {
  const current = upcast(stored);
  return { type: current.type, data: current.data } as StorylineEvent;
}
