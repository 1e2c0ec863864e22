import { DatabaseError, type PoolClient } from 'pg';
import type { ExpectedRevision } from '../event-store.port';
import { appendedResult } from '../shared/append-decision';
import type { AppendOutcome, QueuedAppend } from './batch-plan';
import { canonicalBody } from './hash-chain';

const MAX_REVISION = 2n ** 63n - 1n;

const APPEND_EVENT_BATCH = {
  name: 'storyline_append_event_batch',
  text: `SELECT first_position::text AS first_position, first_revisions::text[] AS first_revisions
           FROM append_event_batch($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[])`,
};

/**
 * Appends a whole batch in one autocommit statement (`append_event_batch`, migration
 * AddAppendFunction), with the outcome `commitBatch` would give it. Resolves null,
 * having written nothing, when the batch is one for the exact path: an event id stored
 * already (the insert fails on the unique index) or used by two of its appends, an
 * expectation that does not hold, or an expected revision PostgreSQL cannot hold.
 */
export async function appendInOneStatement(client: PoolClient, appends: readonly QueuedAppend[]): Promise<AppendOutcome[] | null> {
  const values = statementValues(appends);
  if (values === null) return null;
  let row: { first_position: string | null; first_revisions: string[] | null };
  try {
    row = (await client.query({ ...APPEND_EVENT_BATCH, values })).rows[0];
  } catch (error) {
    // A stored event id: a retry, a reused id, or a writer that bypassed the lock.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  if (row.first_position === null || row.first_revisions === null) return null;
  return outcomes(appends, BigInt(row.first_position), row.first_revisions);
}

/** True for PostgreSQL's unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === '23505';
}

function statementValues(appends: readonly QueuedAppend[]): unknown[] | null {
  const seen = new Set<string>();
  const firstAppendOf = new Map<string, number>();
  const columns = { streams: [] as string[], quotedStreams: [] as string[], slots: [] as number[], expectations: [] as string[], sizes: [] as number[] };
  const events = { ids: [] as string[], types: [] as string[], quotedTypes: [] as string[], schemaVersions: [] as number[], data: [] as string[], metadata: [] as string[] };
  for (const { streamId, events: queued, expected } of appends) {
    const expectation = expectationText(expected);
    if (expectation === null) return null;
    if (!firstAppendOf.has(streamId)) firstAppendOf.set(streamId, columns.streams.length + 1);
    columns.streams.push(streamId);
    columns.quotedStreams.push(JSON.stringify(streamId));
    columns.slots.push(firstAppendOf.get(streamId) as number);
    columns.expectations.push(expectation);
    columns.sizes.push(queued.length);
    for (const event of queued) {
      if (seen.has(event.eventId)) return null;
      seen.add(event.eventId);
      const body = event.body ?? canonicalBody(event.data, event.metadata);
      events.ids.push(event.eventId);
      events.types.push(event.type);
      events.quotedTypes.push(JSON.stringify(event.type));
      events.schemaVersions.push(event.schemaVersion);
      events.data.push(body.data);
      events.metadata.push(body.metadata);
    }
  }
  return [
    columns.streams, columns.quotedStreams, columns.slots, columns.expectations, columns.sizes,
    events.ids, events.types, events.quotedTypes, events.schemaVersions, events.data, events.metadata,
  ];
}

/** As the function's CASE reads it; null for a revision no bigint column can reach (the exact path refuses it). */
function expectationText(expected: ExpectedRevision): string | null {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  return typeof expected === 'bigint' && expected >= 0n && expected <= MAX_REVISION ? expected.toString() : null;
}

function outcomes(appends: readonly QueuedAppend[], firstPosition: bigint, firstRevisions: readonly string[]): AppendOutcome[] {
  let position = firstPosition;
  return appends.map((append, index) => {
    const result = appendedResult(BigInt(firstRevisions[index]), position, append.events.length);
    position += BigInt(append.events.length);
    return { result };
  });
}
