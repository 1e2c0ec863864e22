import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@storyline/event-store';
import {
  SCHEMA_VERSIONS,
  inboxStream,
  sourceStream,
  storyStream,
  type FactReported,
  type ReportIngested,
  type SourceKind,
  type StoryEvent,
  type StorylineEvent,
} from '@storyline/story-events';

/** A Storyline event ready to append, with test metadata (`actor` says who issued it). */
export function newEvent(event: StorylineEvent, actor = 'test'): NewEvent {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: { actor, correlationId: randomUUID(), causationId: null },
  };
}

/** Appends events to a story's stream as `actor`; answers the last one's position. */
export async function tell(store: EventStore, storyId: string, events: readonly StoryEvent[], actor = 'test'): Promise<bigint> {
  const appended = await store.appendToStream(storyStream(storyId), events.map((event) => newEvent(event, actor)), 'any');
  return appended.position;
}

export async function openStory(store: EventStore, slug: string, title = slug): Promise<string> {
  const storyId = randomUUID();
  await store.appendToStream(storyStream(storyId), [newEvent({ type: 'StoryOpened', data: { storyId, slug, title } })], 'no_stream');
  return storyId;
}

export type FactInput = Partial<Omit<FactReported['data'], 'storyId' | 'reportId'>> & { readonly statement: string };
export type ReportInput = Partial<Omit<ReportIngested['data'], 'storyId' | 'reportId'>> & {
  readonly facts?: readonly FactInput[];
  /** Store the report and its facts as schema version 1 (before `language`, `entities`, `attribution`), as an old database holds them. */
  readonly legacy?: boolean;
};

/** Appends a report and its facts in one append; answers with their ids and last position. */
export async function ingestReport(store: EventStore, storyId: string, report: ReportInput): Promise<{ reportId: string; factIds: string[]; position: bigint }> {
  const reportId = randomUUID();
  const events = [newEvent({ type: 'ReportIngested', data: reportData(storyId, reportId, report) })];
  const factIds = (report.facts ?? []).map((fact) => {
    const factId = fact.factId ?? randomUUID();
    events.push(newEvent({ type: 'FactReported', data: factData(storyId, reportId, factId, fact) }));
    return factId;
  });
  const appended = await store.appendToStream(storyStream(storyId), report.legacy ? events.map(asVersionOne) : events, 'any');
  return { reportId, factIds, position: appended.position };
}

/** Sends a report (and its facts) to an inbox, as `POST /reports?inbox=` stores it: the inbox's id is its `storyId`. */
export async function sendToInbox(store: EventStore, inboxId: string, report: ReportInput): Promise<{ reportId: string; position: bigint }> {
  const reportId = randomUUID();
  const events = [newEvent({ type: 'ReportIngested', data: reportData(inboxId, reportId, report) })];
  for (const fact of report.facts ?? []) events.push(newEvent({ type: 'FactReported', data: factData(inboxId, reportId, fact.factId ?? randomUUID(), fact) }));
  const appended = await store.appendToStream(inboxStream(inboxId), events, 'any');
  return { reportId, position: appended.position };
}

function reportData(storyId: string, reportId: string, report: ReportInput): ReportIngested['data'] {
  return {
    storyId,
    reportId,
    outlet: report.outlet === undefined ? 'Test Outlet' : report.outlet,
    publishedAt: report.publishedAt === undefined ? '2025-11-20T09:00:00.000Z' : report.publishedAt,
    headline: report.headline ?? null,
    byline: report.byline ?? null,
    dateline: report.dateline ?? null,
    url: report.url ?? null,
    text: report.text ?? 'text',
    textSha256: report.textSha256 ?? randomUUID(),
    language: report.language ?? null,
  };
}

/** The event as schema version 1 wrote it: without the fields version 2 added. */
function asVersionOne(event: NewEvent): NewEvent {
  const { language: _language, entities: _entities, attribution: _attribution, ...data } = event.data as Record<string, unknown>;
  return { ...event, schemaVersion: 1, data };
}

function factData(storyId: string, reportId: string, factId: string, fact: FactInput): FactReported['data'] {
  return {
    storyId,
    reportId,
    factId,
    statement: fact.statement,
    evidence: fact.evidence ?? { start: 0, end: 4 },
    attributedTo: fact.attributedTo ?? null,
    modality: fact.modality ?? 'asserted',
    occurred: fact.occurred ?? null,
    entities: fact.entities ?? [],
    attribution: fact.attribution ?? null,
  };
}

export async function registerSource(store: EventStore, name: string, kind: SourceKind, aliases: readonly string[] = []): Promise<string> {
  const sourceId = randomUUID();
  await addToSource(store, sourceId, [{ type: 'SourceRegistered', data: { sourceId, name, kind } }]);
  for (const alias of aliases) await addAlias(store, sourceId, alias);
  return sourceId;
}

export async function addAlias(store: EventStore, sourceId: string, alias: string): Promise<bigint> {
  return addToSource(store, sourceId, [{ type: 'SourceAliasAdded', data: { sourceId, alias } }]);
}

async function addToSource(store: EventStore, sourceId: string, events: StorylineEvent[]): Promise<bigint> {
  const appended = await store.appendToStream(sourceStream(sourceId), events.map((event) => newEvent(event)), 'any');
  return appended.position;
}
