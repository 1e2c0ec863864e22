import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { Pool } from 'pg';
import { ChainAuditedLog } from '../audited-log';
import { verifyChain } from './verify-chain';

const EVENTS = 30;

describe('verifying the PostgreSQL event log after someone tampered with the table', () => {
  let database: TestDatabase;
  let superuser: Pool;
  let chain: ChainAuditedLog;

  /** What a superuser can do: switch the immutability trigger off for one statement. */
  const tamper = async (...statements: string[]) => {
    const client = await superuser.connect();
    try {
      await client.query('BEGIN');
      for (const statement of statements) {
        await client.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_or_delete');
        await client.query(statement);
        await client.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_or_delete');
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  const hashAt = async (position: number): Promise<string> => (await superuser.query(`SELECT encode(hash, 'hex') AS hash FROM events WHERE position = $1`, [position])).rows[0].hash;

  beforeEach(async () => {
    database = await createTestDatabase('audit_tamper');
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    const metadata = { actor: 'key:editor', correlationId: 'tamper', causationId: null };
    for (let n = 0; n < EVENTS; n += 3) {
      const events = [n, n + 1, n + 2].map((i) => ({ eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data: { n: i, text: `fact ${i} — “quoted”` }, metadata }));
      await store.appendToStream(`story-${n % 2}`, events, 'any');
    }
    await store.close();
    superuser = new Pool({ connectionString: database.url, max: 2 });
    // The database is dropped WITH (FORCE) afterwards; a connection it cuts must not crash the run.
    superuser.on('error', () => undefined);
    // The chain as the store keeps it, read through the port's ChainedLog capability.
    chain = new ChainAuditedLog(new PostgresEventStore(superuser));
  });

  afterEach(async () => {
    await superuser.end();
    await database.drop();
  });

  it('passes the untouched log, in batches, and gives the head to keep', async () => {
    const progress: number[] = [];
    const report = await verifyChain(chain, { batchSize: 8, onProgress: (checked) => progress.push(checked) });
    expect(report).toEqual({ ok: true, checked: EVENTS, headPosition: EVENTS, headHash: await hashAt(EVENTS) });
    expect(progress).toEqual([8, 16, 24, 30]);
  });

  it('finds changed data', async () => {
    await tamper(`UPDATE events SET data = jsonb_set(data, '{text}', '"fact 11, rewritten"') WHERE position = 12`);
    expect(await verifyChain(chain, { batchSize: 8 })).toMatchObject({ ok: false, checked: 11, firstBadPosition: 12, problem: 'changed' });
  });

  it('finds a changed newest event', async () => {
    await tamper(`UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '"key:someone-else"') WHERE position = ${EVENTS}`);
    expect(await verifyChain(chain)).toMatchObject({ ok: false, firstBadPosition: EVENTS, problem: 'changed' });
  });

  it('finds a deleted event', async () => {
    await tamper('DELETE FROM events WHERE position = 7');
    expect(await verifyChain(chain)).toMatchObject({ ok: false, checked: 6, firstBadPosition: 7, problem: 'missing' });
  });

  it('finds a forged event slipped in between two others', async () => {
    await tamper('UPDATE events SET position = position + 1000 WHERE position >= 20', 'UPDATE events SET position = position - 999 WHERE position >= 1020');
    await superuser.query(
      `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       SELECT 20, gen_random_uuid(), 'story-forged', 0, 'FactReported', 1, '{"n": "forged"}', metadata, recorded_at, hash, sha256('forged')
         FROM events WHERE position = 19`,
    );
    expect(await verifyChain(chain)).toMatchObject({ ok: false, firstBadPosition: 20, problem: 'inserted' });
  });

  it('finds two events whose positions were swapped', async () => {
    await tamper('UPDATE events SET position = 1000 WHERE position = 5', 'UPDATE events SET position = 5 WHERE position = 15', 'UPDATE events SET position = 15 WHERE position = 1000');
    expect(await verifyChain(chain)).toMatchObject({ ok: false, checked: 4, firstBadPosition: 5, problem: 'reordered' });
  });

  it('finds the newest event deleted only against a head hash kept elsewhere', async () => {
    const kept = { expectHead: await hashAt(EVENTS), expectHeadPosition: BigInt(EVENTS) };
    await tamper(`DELETE FROM events WHERE position = ${EVENTS}`);
    expect(await verifyChain(chain)).toMatchObject({ ok: true, headPosition: EVENTS - 1 });
    expect(await verifyChain(chain, kept)).toMatchObject({ ok: false, firstBadPosition: EVENTS, problem: 'missing' });
    expect(await verifyChain(chain, { expectHead: kept.expectHead })).toMatchObject({ ok: false, problem: 'head-mismatch' });
  });
});
