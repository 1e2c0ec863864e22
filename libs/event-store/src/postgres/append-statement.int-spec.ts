import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { Pool, type PoolClient } from 'pg';
import { ConcurrencyError, DuplicateEventError } from '../errors';
import type { ExpectedRevision, NewEvent } from '../event-store.port';
import { prepareAppend } from '../shared/append-validation';
import { appendInOneStatement } from './append-statement';
import { APPEND_LOCK, commitBatch } from './append-transaction';
import type { QueuedAppend } from './batch-plan';
import { canonicalBody, chainHash, GENESIS_HASH, recordedAtText, type ChainedEventContent } from './hash-chain';
import { EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

const metadata = { actor: 'test', correlationId: 'one-statement', causationId: null };
const event = (data: unknown): NewEvent => ({ eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data, metadata });
const queued = (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): QueuedAppend => ({
  streamId,
  expected,
  // With and without the early canonical body, as both reach the append path.
  events: prepareAppend(streamId, events).map((prepared, index) => (index % 2 === 0 ? { ...prepared, body: canonicalBody(prepared.data, prepared.metadata) } : prepared)),
});

const ROWS = `SELECT position::text AS position, event_id::text AS event_id, stream_id, stream_revision::text AS stream_revision, type, schema_version,
                     ${recordedAtText('recorded_at')} AS recorded_at, data, metadata, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
                FROM events ORDER BY events.position`;

type Row = Record<string, unknown> & { prev_hash: string; hash: string };

async function rows(pool: Pool): Promise<Row[]> {
  return (await pool.query<Row>(ROWS)).rows;
}

/** Recomputes every hash from the rows as they read back; the first position whose stored hashes disagree, or null. */
function firstBreak(stored: readonly Row[]): unknown {
  let prevHash = GENESIS_HASH;
  for (const row of stored) {
    const content = { position: row.position, eventId: row.event_id, streamId: row.stream_id, streamRevision: row.stream_revision, type: row.type, schemaVersion: row.schema_version, recordedAt: row.recorded_at, data: row.data, metadata: row.metadata } as ChainedEventContent;
    if (row.prev_hash !== prevHash || row.hash !== chainHash(prevHash, content)) return row.position;
    prevHash = row.hash;
  }
  return null;
}

/**
 * An event recorded far in the future, chained properly: every later append then gets its
 * recorded time (it never goes backwards), so two databases store byte-identical rows.
 */
async function seedFutureEvent(pool: Pool, eventId: string): Promise<void> {
  const recordedAt = '2999-01-01T00:00:00.000001Z';
  const hash = chainHash(GENESIS_HASH, { position: '1', eventId, streamId: 'story-seed', streamRevision: '0', type: 'Seeded', schemaVersion: 1, recordedAt, data: {}, metadata: {} });
  await pool.query(
    `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
     VALUES (1, $1, 'story-seed', 0, 'Seeded', 1, '{}', '{}', $2, decode($3, 'hex'), decode($4, 'hex'))`,
    [eventId, recordedAt, GENESIS_HASH, hash],
  );
}

async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

describe('appending a batch in one statement', () => {
  const databases: TestDatabase[] = [];
  const pools: Pool[] = [];

  async function freshLog(): Promise<Pool> {
    const database = await createTestDatabase('event_store_one_statement');
    databases.push(database);
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
    const pool = new Pool({ connectionString: database.url, max: 3 });
    // The database is dropped WITH (FORCE) after each test; a connection it cuts must not crash the run.
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  }

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
    await Promise.all(databases.splice(0).map((database) => database.drop()));
  });

  it('stores the rows, hashes and outcomes the transaction path stores', async () => {
    const [oneStatement, transaction] = [await freshLog(), await freshLog()];
    const seedId = randomUUID();
    await Promise.all([seedFutureEvent(oneStatement, seedId), seedFutureEvent(transaction, seedId)]);
    const awkward = [
      { 'z key': 1, a: { é: 'accents', '€': 'euro', '\u{1F600}': 'emoji' }, big: 1e21, tiny: 5e-324, neg: -0, float: 0.1 + 0.2 },
      { text: 'line\nbreak "quoted" \\ back\u2028slash \u0007 bell', list: [null, true, false, [], {}], longKey: 'x'.repeat(3000) },
      'a bare string',
    ];
    const batch = [
      queued('story-a', awkward.map(event), 'no_stream'),
      queued('story-"quoted"\\é', [event({ n: 1 })], 'any'),
      queued('story-a', [event({ n: 2 }), event(null)], 2n),
      queued('story-seed', [event({ n: 3 })], 'stream_exists'),
      queued('story-seed', [event({ n: 4 })], 1n),
      queued('story-a', [event([1, 2, 3]), { ...event({ n: 5 }), type: 'Fact "Reported"\té', schemaVersion: 2147483647 }], 'any'),
    ];

    const fast = await withClient(oneStatement, (client) => appendInOneStatement(client, batch));
    const exact = await withClient(transaction, (client) => commitBatch(client, batch));

    expect(fast).not.toBeNull();
    expect(fast).toEqual(exact);
    const stored = await rows(oneStatement);
    expect(stored).toHaveLength(11);
    expect(stored).toEqual(await rows(transaction));
    expect(firstBreak(stored)).toBeNull();
  });

  it('writes nothing when an expectation fails; the store then refuses that append alone', async () => {
    const pool = await freshLog();
    const store = new PostgresEventStore(pool);
    await store.appendToStream('story-a', [event({ n: 0 })], 'no_stream');

    const declined = await withClient(pool, (client) => appendInOneStatement(client, [queued('story-b', [event({ n: 1 })], 'no_stream'), queued('story-a', [event({ n: 2 })], 'no_stream')]));
    expect(declined).toBeNull();
    expect(await rows(pool)).toHaveLength(1);

    // Made in the same turn, so they share a batch.
    const outcomes = await Promise.allSettled([
      store.appendToStream('story-b', [event({ n: 1 })], 'no_stream'),
      store.appendToStream('story-a', [event({ n: 2 })], 5n),
      store.appendToStream('story-a', [event({ n: 3 })], 0n),
    ]);
    await store.close();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    const stored = await rows(pool);
    expect(stored.map((row) => [row.stream_id, row.stream_revision])).toEqual([['story-a', '0'], ['story-b', '0'], ['story-a', '1']]);
    expect(firstBreak(stored)).toBeNull();
  });

  it('writes nothing for a batch holding a stored event id, so a retry in it is still recognised', async () => {
    const pool = await freshLog();
    const store = new PostgresEventStore(pool);
    const original = [event({ n: 0 }), event({ n: 1 })];
    const first = await store.appendToStream('story-a', original, 'no_stream');

    const declined = await withClient(pool, (client) => appendInOneStatement(client, [queued('story-a', original, 'no_stream'), queued('story-b', [event({})], 'any')]));
    expect(declined).toBeNull();

    const [retry, other, reuse] = await Promise.allSettled([
      store.appendToStream('story-a', original, 'no_stream'),
      store.appendToStream('story-b', [event({ n: 2 })], 'no_stream'),
      store.appendToStream('story-c', [original[1]], 'any'),
    ]);
    await store.close();
    expect(retry).toEqual({ status: 'fulfilled', value: { ...first, alreadyAppended: true } });
    expect(other).toMatchObject({ status: 'fulfilled', value: { positions: [3n], alreadyAppended: false } });
    expect((reuse as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventError);
    expect(await rows(pool)).toHaveLength(3);
  });

  it('gives way to the transaction path when its event id is stored while it waits for the lock', async () => {
    const pool = await freshLog();
    const store = new PostgresEventStore(pool);
    const retried = event({ n: 0 });
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      // 'any', so that only the stored id (not the stream's revision) stands in its way.
      const append = store.appendToStream('story-a', [retried], 'any');
      await waitForLockWaiter(pool);
      // The original of the append, stored meanwhile by another writer.
      const recordedAt = (await holder.query(`SELECT ${recordedAtText('clock_timestamp()')} AS at`)).rows[0].at as string;
      const content = { position: '1', eventId: retried.eventId, streamId: 'story-a', streamRevision: '0', type: retried.type, schemaVersion: 1, recordedAt, data: retried.data, metadata };
      await holder.query(
        `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         VALUES (1, $1, 'story-a', 0, $2, 1, $3, $4, $5, decode($6, 'hex'), decode($7, 'hex'))`,
        [retried.eventId, retried.type, JSON.stringify(retried.data), JSON.stringify(metadata), recordedAt, GENESIS_HASH, chainHash(GENESIS_HASH, content)],
      );
      await holder.query('COMMIT');
      await expect(append).resolves.toEqual({ nextExpectedRevision: 0n, position: 1n, positions: [1n], alreadyAppended: true });
    } finally {
      holder.release();
      await store.close();
    }
    expect(firstBreak(await rows(pool))).toBeNull();
  });
});

/** Until some session waits for an advisory lock: the store's append, blocked behind the test's. */
async function waitForLockWaiter(pool: Pool): Promise<void> {
  for (;;) {
    const { rows: waiting } = await pool.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    if (waiting.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
