import { verifyExport } from '@storyline/audit';
import { SparsePositionStore } from '@storyline/event-store/testing/sparse-position-store';
import { Client } from 'pg';
import { loadExampleIfEmpty } from '@storyline/server';
import { startApi, type ApiHarness } from './harness';

// Storyline with its event log kept outside PostgreSQL, as with STORYLINE_EVENT_STORE=kurrentdb,
// but over a stand-in for KurrentDB: the in-memory store handing out sparse positions above
// 2^64. Everything else is as deployed: the log index, projector, API and audit on PostgreSQL.
// It shows the wiring and the position mapping; it says nothing about a real KurrentDB server.

const STORY = 'witkoff-back-channel';
const TWO_64 = 1n << 64n;

interface Entry {
  kind: string;
  reportedAt: string;
  source: string;
  statement?: string;
  attributedTo?: string | null;
}

const ndjson = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('the founding example on an event log indexed over KurrentDB-like positions', () => {
  let api: ApiHarness;
  let native: SparsePositionStore;
  let sql: Client;

  beforeAll(async () => {
    native = new SparsePositionStore();
    api = await startApi({}, { eventLog: { kind: 'indexed', openNative: () => native, description: 'in-memory stand-in' } });
    expect(await loadExampleIfEmpty(api.app)).toBe(true);
    sql = new Client({ connectionString: api.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await api.close();
  });

  it('keeps the events in the native log only, each indexed once with its wide native position', async () => {
    const nativeLog = await native.readAll({ maxCount: 10_000 });
    expect(nativeLog.length).toBeGreaterThan(10);
    nativeLog.forEach((event) => expect(event.position).toBeGreaterThan(TWO_64));
    const { rows } = await sql.query<{ position: string; native_position: string }>('SELECT position::text, native_position::text FROM log_index ORDER BY log_index.position');
    expect(rows.map((row) => BigInt(row.native_position))).toEqual(nativeLog.map((event) => event.position));
    expect(rows.map((row) => row.position)).toEqual(nativeLog.map((_, index) => String(index + 1)));
    expect((await sql.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(0);
  });

  it('shows the 20 November report before the 27 November one, and answers with dense positions', async () => {
    const { body } = await api.http().get(`/stories/${STORY}/timeline?order=reported`).expect(200);
    const reports = body.entries.filter((entry: Entry) => entry.kind === 'report');
    expect(reports.map((entry: Entry) => entry.reportedAt)).toEqual(['2025-11-20T00:00:00.000Z', '2025-11-27T00:00:00.000Z']);
    const facts: Entry[] = body.entries.filter((entry: Entry) => entry.kind === 'fact');
    expect(facts.find((fact) => /Ukrainian officials/.test(fact.statement ?? ''))).toMatchObject({ attributedTo: 'Politico' });
    expect(facts.find((fact) => /Kremlin official/.test(fact.statement ?? ''))).toMatchObject({ attributedTo: 'sources familiar with the discussions' });
    const head = (await api.http().get('/health').expect(200)).body.head;
    expect(head).toBe((await native.readAll({ maxCount: 10_000 })).length);
    expect(body.position).toBeLessThanOrEqual(head);

    const asOf = await api.http().get(`/stories/${STORY}/timeline?asOf=2025-11-21&clock=reported`).expect(200);
    expect(asOf.body.entries.filter((entry: Entry) => entry.kind === 'fact')).toHaveLength(4);
  });

  it('writes with read-your-writes and idempotent retries, and replays with dense positions', async () => {
    const report = {
      outlet: 'Harbour Gazette',
      publishedAt: '2025-11-28T00:00:00Z',
      text: 'Witkoff met Ukrainian officials again, the Harbour Gazette says.',
      facts: [{ statement: 'Witkoff met Ukrainian officials again', evidence: { quote: 'Witkoff met Ukrainian officials again' }, attributedTo: 'Harbour Gazette' }],
    };
    const created = await api.http().post(`/stories/${STORY}/reports`).send(report).expect(201);
    // The head may already be further on: the link-proposal reactor appends after the report.
    const head = (await api.http().get('/health').expect(200)).body.head;
    expect(created.body.position).toBeLessThanOrEqual(head);
    const after = (await native.readAll({ maxCount: 10_000 })).slice(created.body.position);
    expect(after.every((event) => event.type === 'LinkProposed')).toBe(true);
    const again = await api.http().post(`/stories/${STORY}/reports`).send(report).expect(200);
    expect(again.body).toMatchObject({ reportId: created.body.reportId, factIds: created.body.factIds });
    const keyed = { ...report, text: `${report.text} Updated.` };
    const first = await api.http().post(`/stories/${STORY}/reports`).set('Idempotency-Key', 'k-1').send(keyed).expect(201);
    const replayed = await api.http().post(`/stories/${STORY}/reports`).set('Idempotency-Key', 'k-1').send(keyed).expect(200);
    expect(replayed.body).toMatchObject({ reportId: first.body.reportId, factIds: first.body.factIds });
    const { body } = await api.http().get(`/stories/${STORY}/timeline`).expect(200);
    expect(body.entries.map((entry: Entry) => entry.statement)).toContain('Witkoff met Ukrainian officials again');

    const replay = await api.http().get(`/stories/${STORY}/replay?limit=1000`).expect(200);
    const positions: number[] = replay.body.events.map((event: { position: number }) => event.position);
    expect(positions[0]).toBeGreaterThan(0);
    positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]));
    const written = replay.body.events.filter((event: { type: string }) => event.type !== 'LinkProposed');
    expect(written[written.length - 1].position).toBe(first.body.position);
  });

  it('verifies the hash chain, pages the audit log and exports a story that verifies offline', async () => {
    const verified = (await api.http().get('/audit/verify').expect(200)).body;
    const head = (await api.http().get('/health').expect(200)).body.head;
    expect(verified).toEqual({ ok: true, checked: head, headPosition: head, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const [first] = (await api.http().get('/audit/log?limit=1').expect(200)).body.events;
    expect(first).toMatchObject({ position: 1, prevHash: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const page = (await api.http().get(`/audit/log?story=${STORY}&limit=3`).expect(200)).body;
    expect(page.events.map((event: { type: string }) => event.type)[0]).toBe('StoryOpened');
    expect(page.events[0]).toMatchObject({ data: expect.objectContaining({ slug: STORY }), actor: expect.any(String), metadata: expect.objectContaining({ correlationId: expect.any(String) }) });
    const next = (await api.http().get(`/audit/log?story=${STORY}&after=${page.next}&limit=1000`).expect(200)).body.events;
    const storyPositions = [...page.events, ...next].map((event: { position: number }) => event.position);
    storyPositions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(storyPositions[index]));
    const actor = page.events[0].actor;
    const byActor = (await api.http().get(`/audit/log?actor=${encodeURIComponent(actor)}&limit=1000`).expect(200)).body.events;
    expect(byActor.length).toBeGreaterThan(0);
    byActor.forEach((event: { actor: string }) => expect(event.actor).toBe(actor));

    const exported = await api
      .http()
      .get(`/stories/${STORY}/export`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    const lines = ndjson(exported.body as string);
    expect(JSON.parse(lines[0]).head).toEqual({ position: String(head), hash: verified.headHash });
    expect(lines.slice(1, -1).map((line) => Number(JSON.parse(line).position))).toEqual(storyPositions);
    expect(await verifyExport(lines)).toMatchObject({ ok: true, events: lines.length - 2 });
  });

  it('names the first changed event when the index is edited behind its back', async () => {
    await sql.query('BEGIN');
    await sql.query('ALTER TABLE log_index DISABLE TRIGGER log_index_refuse_update_or_delete');
    await sql.query(`UPDATE log_index SET type = 'FactRetracted' WHERE position = 5`);
    await sql.query('ALTER TABLE log_index ENABLE TRIGGER log_index_refuse_update_or_delete');
    await sql.query('COMMIT');
    const { body } = await api.http().get('/audit/verify').expect(200);
    expect(body).toMatchObject({ ok: false, checked: 4, firstBadPosition: 5, problem: 'changed' });
  });
});
