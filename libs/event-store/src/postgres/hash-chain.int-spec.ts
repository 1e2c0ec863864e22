import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { Client } from 'pg';
import { chainHash, GENESIS_HASH, recordedAtText } from './hash-chain';
import { EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

interface ChainRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  schema_version: number;
  recorded_at: string;
  data: unknown;
  metadata: unknown;
  prev_hash: string;
  hash: string;
}

async function chainRows(sql: Client): Promise<ChainRow[]> {
  const { rows } = await sql.query<ChainRow>(
    `SELECT position::text AS position, event_id::text AS event_id, stream_id, stream_revision::text AS stream_revision, type, schema_version,
            ${recordedAtText('recorded_at')} AS recorded_at, data, metadata, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
       FROM events ORDER BY events.position`,
  );
  return rows;
}

/** Recomputes every hash from the rows as they read back; the first position whose stored hashes disagree, or null. */
function firstBreak(rows: readonly ChainRow[]): string | null {
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const content = { position: row.position, eventId: row.event_id, streamId: row.stream_id, streamRevision: row.stream_revision, type: row.type, schemaVersion: row.schema_version, recordedAt: row.recorded_at, data: row.data, metadata: row.metadata };
    if (row.prev_hash !== prevHash || row.hash !== chainHash(prevHash, content)) return row.position;
    prevHash = row.hash;
  }
  return null;
}

const metadata = { actor: 'test', correlationId: 'chain', causationId: null };
const event = (data: unknown) => ({ eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data, metadata });

describe('the hash chain on PostgreSQL', () => {
  let database: TestDatabase;
  let sql: Client;

  beforeEach(async () => {
    database = await createTestDatabase('event_store_chain');
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });

  afterEach(async () => {
    await sql.end();
    await database.drop();
  });

  it('chains every append to the newest event, over values exactly as jsonb hands them back', async () => {
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 3 });
    const awkward = [
      { 'z key': 1, a: { é: 'accents', '€': 'euro', '\u{1F600}': 'emoji', e: 'e' }, big: 1e21, tiny: 5e-324, neg: -0, float: 0.1 + 0.2 },
      { text: 'line\nbreak "quoted" \\ back\u2028slash \u0007 bell', list: [null, true, false, [], {}], longKey: 'x'.repeat(3000) },
      { number: 123456789012345680000, unsafe: 2 ** 53 + 2, when: new Date('2025-11-20T00:00:00Z') },
    ];
    await store.appendToStream('story-a', awkward.map(event), 'no_stream');
    await Promise.all([1, 2, 3, 4].map((n) => store.appendToStream(`story-${n}`, [event({ n }), event({ n: n + 0.5 })], 'no_stream')));
    await store.close();
    const rows = await chainRows(sql);
    expect(rows).toHaveLength(11);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(rows[0].recorded_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(firstBreak(rows)).toBeNull();
  });

  it('chains the events stored before the chain existed, in position order, and keeps them immutable', async () => {
    const [createLog, ...later] = EVENT_STORE_MIGRATIONS;
    await runMigrations(database.url, [createLog]);
    await sql.query(
      `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at)
       SELECT n, gen_random_uuid(), 'story-old', n - 1, 'FactReported', 1, jsonb_build_object('n', n, 'ü', 1.50), '{"actor":"old"}',
              '2025-11-20T08:00:00.123456Z'::timestamptz + n * interval '1.000001 second'
         FROM generate_series(1, 2500) AS n`,
    );
    await runMigrations(database.url, later);
    const rows = await chainRows(sql);
    expect(rows[1].recorded_at).toBe('2025-11-20T08:00:02.123458Z');
    expect(firstBreak(rows)).toBeNull();
    await expect(sql.query('UPDATE events SET data = data WHERE position = 1')).rejects.toThrow(/events are immutable/);

    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    await store.appendToStream('story-new', [event({ after: 'migration' })], 'no_stream');
    await store.close();
    const all = await chainRows(sql);
    expect(all[2500].prev_hash).toBe(all[2499].hash);
    expect(firstBreak(all)).toBeNull();
  });
});
