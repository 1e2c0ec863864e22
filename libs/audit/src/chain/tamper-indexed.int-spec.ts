import { randomUUID } from 'node:crypto';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import type { ReadAllOptions, ReadStreamOptions, StoredEvent } from '@storyline/event-store';
import { IndexedEventStore, LOG_INDEX_MIGRATIONS, LogIndexMismatchError } from '@storyline/event-store/indexed';
import { SparsePositionStore } from '@storyline/event-store/testing/sparse-position-store';
import { Pool } from 'pg';
import { ChainAuditedLog } from '../audited-log';
import { verifyChain } from './verify-chain';
import { storyExportLines } from '../export/story-export';
import { verifyExport } from '../export/verify-export';

const EVENTS = 30;
const STORY_ID = '0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b';

/** A native log whose reads someone with access to it has altered: events hidden or rewritten. */
class AlteredNative extends SparsePositionStore {
  readonly hidden = new Set<string>();
  readonly rewritten = new Map<string, unknown>();

  override async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.altered(await super.readAll(options));
  }

  override async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.altered(await super.readStream(streamId, options));
  }

  private altered(events: StoredEvent[]): StoredEvent[] {
    return events.filter((event) => !this.hidden.has(event.eventId)).map((event) => (this.rewritten.has(event.eventId) ? { ...event, data: this.rewritten.get(event.eventId) } : event));
  }
}

describe('verifying a log kept in another store, through its log index, after someone tampered with either', () => {
  let database: TestDatabase;
  let pool: Pool;
  let native: AlteredNative;
  let store: IndexedEventStore;
  let log: ChainAuditedLog;

  const tamper = async (...statements: string[]) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE log_index DISABLE TRIGGER log_index_refuse_update_or_delete');
      for (const statement of statements) await client.query(statement);
      await client.query('ALTER TABLE log_index ENABLE TRIGGER log_index_refuse_update_or_delete');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  const eventIdAt = async (position: number): Promise<string> => (await pool.query('SELECT event_id::text AS id FROM log_index WHERE position = $1', [position])).rows[0].id;

  beforeEach(async () => {
    database = await createTestDatabase('audit_indexed_tamper');
    await runMigrations(database.url, LOG_INDEX_MIGRATIONS);
    pool = new Pool({ connectionString: database.url, max: 3 });
    // The database is dropped WITH (FORCE) afterwards; a connection it cuts must not crash the run.
    pool.on('error', () => undefined);
    native = new AlteredNative();
    store = new IndexedEventStore({ native, database: pool });
    for (let n = 0; n < EVENTS; n += 3) {
      const metadata = { actor: `key:editor-${n % 2}`, correlationId: 'tamper', causationId: null };
      const events = [n, n + 1, n + 2].map((i) => ({ eventId: randomUUID(), type: i === 0 ? 'StoryOpened' : 'FactReported', schemaVersion: 1, data: { n: i, text: `fact ${i} — “quoted”` }, metadata }));
      await store.appendToStream(n % 2 === 0 ? `story-${STORY_ID}` : 'story-other', events, 'any');
    }
    log = new ChainAuditedLog(store);
  });

  afterEach(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it('passes the untouched log, and exports a story that verifies offline', async () => {
    const report = await verifyChain(log, { batchSize: 8 });
    expect(report).toMatchObject({ ok: true, checked: EVENTS, headPosition: EVENTS });
    const lines: string[] = [];
    for await (const line of storyExportLines(log, STORY_ID)) lines.push(line);
    expect(await verifyExport(lines)).toMatchObject({ ok: true, events: 15 });
  });

  it('finds an event whose content changed in the native log', async () => {
    native.rewritten.set(await eventIdAt(12), { n: 11, text: 'rewritten' });
    expect(await verifyChain(log, { batchSize: 8 })).toMatchObject({ ok: false, checked: 11, firstBadPosition: 12, problem: 'changed' });
  });

  it('finds an event gone from the native log, and refuses to show it in the audit log or an export', async () => {
    native.hidden.add(await eventIdAt(7));
    expect(await verifyChain(log)).toMatchObject({ ok: false, checked: 6, firstBadPosition: 7, problem: 'changed' });
    await expect(log.page({ after: 0n, limit: 100 })).rejects.toBeInstanceOf(LogIndexMismatchError);
    await expect(log.streamBatch(`story-${STORY_ID}`, 0n, 30n, 100)).rejects.toThrow(/does not hold event/);
    expect(await log.streamBatch('story-other', 0n, 30n, 100)).toHaveLength(15);
  });

  it.each([
    ['type', 'type', `'FactRetracted'`],
    ['recorded time', 'recorded_at', `recorded_at + interval '1 second'`],
    ['actor (which filters the audit log)', 'actor', `'key:someone-else'`],
    ['native position', 'native_position', 'native_position + 1'],
  ])('finds an index row whose %s was changed', async (_what, column, value) => {
    await tamper(`UPDATE log_index SET ${column} = ${value} WHERE position = 20`);
    expect(await verifyChain(log)).toMatchObject({ ok: false, checked: 19, firstBadPosition: 20, problem: 'changed' });
  });

  it('finds an index row deleted', async () => {
    await tamper('DELETE FROM log_index WHERE position = 9');
    expect(await verifyChain(log)).toMatchObject({ ok: false, checked: 8, firstBadPosition: 9, problem: 'missing' });
  });

  it('finds two index rows whose positions were swapped', async () => {
    await tamper('UPDATE log_index SET position = 1000 WHERE position = 5', 'UPDATE log_index SET position = 5 WHERE position = 15', 'UPDATE log_index SET position = 15 WHERE position = 1000');
    expect(await verifyChain(log)).toMatchObject({ ok: false, checked: 4, firstBadPosition: 5, problem: 'reordered' });
  });

  it('finds the newest index row deleted against a head kept elsewhere', async () => {
    const kept = await verifyChain(log);
    await tamper(`DELETE FROM log_index WHERE position = ${EVENTS}`);
    expect(await verifyChain(log)).toMatchObject({ ok: true, headPosition: EVENTS - 1 });
    expect(await verifyChain(log, { expectHead: kept.headHash, expectHeadPosition: BigInt(EVENTS) })).toMatchObject({ ok: false, firstBadPosition: EVENTS, problem: 'missing' });
  });
});
