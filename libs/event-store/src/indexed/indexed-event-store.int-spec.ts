import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { Pool } from 'pg';
import type { EventStore, NewEvent, ReadAllOptions, StoredEvent } from '../event-store.port';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { chainHash, GENESIS_HASH } from '../postgres/hash-chain';
import { take } from '../testing/contract/fixtures';
import { eventStoreContract } from '../testing/event-store.contract';
import { SparsePositionStore } from '../testing/sparse-position-store';
import { LogIndexLagError, LogIndexMismatchError } from './errors';
import { IndexedEventStore } from './indexed-event-store';
import { LOG_INDEX_MIGRATIONS } from './migrations';

// The native log here is the in-memory store handing out KurrentDB-like positions (above 2^64,
// sparse); the index is a real PostgreSQL table. No KurrentDB server is involved.

async function indexDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase('log_index');
  await runMigrations(database.url, LOG_INDEX_MIGRATIONS);
  return database;
}

eventStoreContract('indexed over sparse native positions', async () => {
  const database = await indexDatabase();
  const store = new IndexedEventStore({ native: new SparsePositionStore(), database: database.url, pollIntervalMs: 200 });
  return {
    store,
    async teardown() {
      await store.close();
      await database.drop();
    },
  };
});

const event = (n = 0): NewEvent => ({ eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data: { n, text: `fact ${n} — “quoted”` }, metadata: { actor: `key:${n % 2}`, correlationId: 'c', causationId: null } });
const events = (count: number): NewEvent[] => Array.from({ length: count }, (_, n) => event(n));

interface IndexRecord {
  position: string;
  native_position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  schema_version: number;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

describe('IndexedEventStore', () => {
  let database: TestDatabase;
  let pool: Pool;
  let native: SparsePositionStore;
  const stores: EventStore[] = [];
  const indexed = (over: EventStore = native, tuning = {}) => {
    const store = new IndexedEventStore({ native: over, closeNative: false, database: database.url, pollIntervalMs: 60_000, ...tuning });
    stores.push(store);
    return store;
  };
  const indexRows = async (): Promise<IndexRecord[]> =>
    (
      await pool.query<IndexRecord>(
        `SELECT position::text AS position, native_position::text AS native_position, event_id::text AS event_id, stream_id, stream_revision::text AS stream_revision,
                type, schema_version, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
                encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
           FROM log_index ORDER BY log_index.position`,
      )
    ).rows;

  beforeEach(async () => {
    database = await indexDatabase();
    pool = new Pool({ connectionString: database.url, max: 2 });
    // The database is dropped WITH (FORCE) afterwards; a connection it cuts must not crash the run.
    pool.on('error', () => undefined);
    native = new SparsePositionStore();
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await native.close();
    await pool.end();
    await database.drop();
  });

  it('keeps native positions above 2^64 in the index, and serves dense ones chained as the PostgreSQL log is', async () => {
    const store = indexed();
    await store.appendToStream('story-a', events(3), 'no_stream');
    await store.appendToStream('source-b', events(2), 'no_stream');
    const served = await store.readAll({ maxCount: 10 });
    const nativeLog = await native.readAll({ maxCount: 10 });
    expect(served.map((stored) => stored.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(served.map((stored) => stored.eventId)).toEqual(nativeLog.map((stored) => stored.eventId));

    const rows = await indexRows();
    expect(rows.map((row) => BigInt(row.native_position))).toEqual(nativeLog.map((stored) => stored.position));
    rows.forEach((row) => expect(BigInt(row.native_position)).toBeGreaterThan(1n << 64n));
    let prevHash = GENESIS_HASH;
    rows.forEach((row, index) => {
      const { data, metadata } = nativeLog[index];
      const content = { position: row.position, eventId: row.event_id, streamId: row.stream_id, streamRevision: row.stream_revision, type: row.type, schemaVersion: row.schema_version, recordedAt: row.recorded_at, data, metadata };
      expect(row.prev_hash).toBe(prevHash);
      expect(row.hash).toBe(chainHash(prevHash, content));
      prevHash = row.hash;
    });
  });

  it('indexes events that reached the native log some other way (a crash before indexing, another writer)', async () => {
    const store = indexed();
    await store.appendToStream('story-a', events(2), 'no_stream');
    const behindItsBack = events(3);
    await native.appendToStream('story-a', behindItsBack, 1n);
    expect(await indexRows()).toHaveLength(2);
    expect(await store.headPosition()).toBe(5n);
    const stream = await store.readStream('story-a');
    expect(stream.map((stored) => stored.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
    const retried = await store.appendToStream('story-a', behindItsBack, 1n);
    expect(retried).toMatchObject({ alreadyAppended: true, positions: [3n, 4n, 5n] });
  });

  it('delivers to a follower in another process the events appended through this one', async () => {
    const [writer, follower] = [indexed(), indexed()];
    await writer.appendToStream('story-a', events(1), 'no_stream');
    const abort = new AbortController();
    const subscription = follower.subscribeToAll({ signal: abort.signal })[Symbol.asyncIterator]();
    expect((await take(subscription, 1)).map((stored) => stored.position)).toEqual([1n]);
    const pending = take(subscription, 2);
    await native.appendToStream('story-b', events(1), 'no_stream');
    await writer.appendToStream('story-a', events(1), 0n);
    expect((await pending).map((stored) => [stored.position, stored.streamId])).toEqual([
      [2n, 'story-b'],
      [3n, 'story-a'],
    ]);
    abort.abort();
  });

  it('gives concurrent appenders in several processes one dense, gap-free index in the native order', async () => {
    const processes = [indexed(undefined, { indexBatchSize: 3 }), indexed(undefined, { indexBatchSize: 7 }), indexed()];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) => processes[n % 3].appendToStream(`story-${n % 4}`, events(1 + (n % 3)), 'any').then((result) => ({ n, result }))),
    );
    const rows = await indexRows();
    const nativeLog = await native.readAll({ maxCount: 1000 });
    expect(rows.map((row) => row.position)).toEqual(nativeLog.map((_, index) => String(index + 1)));
    expect(rows.map((row) => row.event_id)).toEqual(nativeLog.map((stored) => stored.eventId));
    const positionOf = new Map(rows.map((row) => [row.event_id, BigInt(row.position)]));
    const served = await processes[0].readAll({ maxCount: 1000 });
    for (const { result } of results) {
      result.positions.forEach((position) => expect(served[Number(position) - 1].position).toBe(position));
    }
    expect(new Set(served.map((stored) => positionOf.get(stored.eventId))).size).toBe(nativeLog.length);
  });

  it('refuses to serve an event the index and the native log disagree about', async () => {
    const store = indexed();
    await store.appendToStream('story-a', events(3), 'no_stream');
    const client = await pool.connect();
    try {
      await client.query('ALTER TABLE log_index DISABLE TRIGGER log_index_refuse_update_or_delete');
      await client.query(`UPDATE log_index SET event_id = gen_random_uuid() WHERE position = 2`);
      await client.query('ALTER TABLE log_index ENABLE TRIGGER log_index_refuse_update_or_delete');
    } finally {
      client.release();
    }
    await expect(store.readAll({ maxCount: 10 })).rejects.toBeInstanceOf(LogIndexMismatchError);
    await expect(store.readAll({ maxCount: 10 })).rejects.toThrow(/no event .* where the index puts position 2/);
    expect((await store.readAll({ after: 2n, maxCount: 10 })).map((stored) => stored.position)).toEqual([3n]);
  });

  it('is append-only', async () => {
    await indexed().appendToStream('story-a', events(1), 'no_stream');
    await expect(pool.query('UPDATE log_index SET actor = NULL')).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM log_index')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE log_index')).rejects.toThrow(/append-only/);
  });

  it('answers a LogIndexLagError when the native log does not show an acknowledged append, and the retry its positions once it does', async () => {
    let hiding = true;
    const lagging = new (class extends SparsePositionStore {
      override async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
        return hiding ? [] : super.readAll(options);
      }
    })(new InMemoryEventStore());
    const store = indexed(lagging, { appendTimeoutMs: 50 });
    const appended = events(2);
    await expect(store.appendToStream('story-a', appended, 'no_stream')).rejects.toBeInstanceOf(LogIndexLagError);
    hiding = false;
    expect(await store.appendToStream('story-a', appended, 'no_stream')).toMatchObject({ alreadyAppended: true, positions: [1n, 2n] });
    await lagging.close();
  });
});
