import { verifyExport } from '@storyline/audit';
import { Client } from 'pg';
import { startApi, type ApiHarness } from './harness';

const report = (n: number) => ({
  outlet: `Outlet ${n}`,
  publishedAt: `2025-11-${10 + n}T00:00:00Z`,
  text: `Report number ${n} says a thing happened.`,
  facts: [{ statement: `Thing ${n} happened`, evidence: { quote: 'a thing happened' }, attributedTo: `Source ${n}` }],
});

const ndjson = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('audit: verify, log and export', () => {
  let api: ApiHarness;
  let auditor: string;
  let reader: string;
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });

  beforeAll(async () => {
    api = await startApi();
    await api.http().post('/stories').send({ slug: 'audited', title: 'Audited' }).expect(201);
    await api.http().post('/stories').send({ slug: 'other', title: 'Other' }).expect(201);
    for (const n of [1, 2]) await api.http().post('/stories/audited/reports').send(report(n)).expect(201);
    await api.http().post('/stories/other/reports').send(report(3)).expect(201);
    await api.http().post('/stories/audited/reports').send(report(4)).expect(201);
    auditor = (await api.http().post('/keys').send({ name: 'the auditor', role: 'auditor' }).expect(201)).body.secret;
    reader = (await api.http().post('/keys').send({ name: 'a reader', role: 'reader' }).expect(201)).body.secret;
  });
  afterAll(() => api.close());

  it('is for auditors only', async () => {
    for (const path of ['/audit/verify', '/audit/log', '/stories/audited/export']) {
      await api.anonymous().get(path).expect(401);
      expect((await api.anonymous().get(path).set(as(reader)).expect(403)).body.error.code).toBe('AUTH.FORBIDDEN');
      await api.anonymous().get(path).set(as(auditor)).expect(200);
    }
  });

  it('verifies the whole log and gives the head hash to keep', async () => {
    const { body } = await api.anonymous().get('/audit/verify').set(as(auditor)).expect(200);
    expect(body).toEqual({ ok: true, checked: 10, headPosition: 10, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await api.anonymous().get(`/audit/verify?expectHead=${body.headHash.toUpperCase()}&expectHeadPosition=10`).set(as(auditor)).expect(200, body);
    const mismatch = await api.anonymous().get(`/audit/verify?expectHead=${'0'.repeat(63)}1`).set(as(auditor)).expect(200);
    expect(mismatch.body).toMatchObject({ ok: false, problem: 'head-mismatch' });
    expect((await api.anonymous().get('/audit/verify?expectHead=abc').set(as(auditor)).expect(400)).body.error.field).toBe('expectHead');
  });

  it('shows every event with its metadata and hash, filtered and paged', async () => {
    const all = await api.anonymous().get('/audit/log?story=audited&limit=4').set(as(auditor)).expect(200);
    expect(all.body.events.map((event: { type: string }) => event.type)).toEqual(['StoryOpened', 'ReportIngested', 'FactReported', 'ReportIngested']);
    expect(all.body.events[0]).toEqual({
      position: 1, eventId: expect.any(String), streamId: expect.stringMatching(/^story-/), streamRevision: 0, type: 'StoryOpened', schemaVersion: expect.any(Number),
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), actor: expect.any(String), correlationId: expect.any(String), causationId: expect.anything(),
      idempotencyKey: null, data: expect.objectContaining({ slug: 'audited' }), metadata: expect.objectContaining({ actor: expect.any(String) }),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/), prevHash: '0'.repeat(64),
    });
    const rest = await api.anonymous().get(`/audit/log?story=audited&after=${all.body.next}`).set(as(auditor)).expect(200);
    expect(rest.body.events.map((event: { position: number }) => event.position)).toEqual([6, 9, 10]);
    expect(rest.body.next).toBeNull();
    const facts = await api.anonymous().get('/audit/log?type=FactReported').set(as(auditor)).expect(200);
    expect(facts.body.events.map((event: { position: number }) => event.position)).toEqual([4, 6, 8, 10]);
    const byActor = await api.anonymous().get(`/audit/log?actor=${encodeURIComponent(all.body.events[0].actor)}&limit=1000`).set(as(auditor)).expect(200);
    expect(byActor.body.events).toHaveLength(10);
    const from = all.body.events[2].recordedAt;
    const timed = await api.anonymous().get(`/audit/log?story=audited&from=${from}&to=2999-01-01`).set(as(auditor)).expect(200);
    expect(timed.body.events[0].recordedAt >= from).toBe(true);
    expect((await api.anonymous().get('/audit/log?from=2999-01-01T00:00:00Z').set(as(auditor)).expect(200)).body).toEqual({ events: [], next: null });
  });

  it.each([
    ['limit=0', 'limit'],
    ['after=-1', 'after'],
    ['from=yesterday', 'from'],
    ['to=2025-02-30', 'to'],
    ['story=Not%20A%20Slug', 'story'],
    ['type=DROP%20TABLE', 'type'],
    ['stroy=audited', 'stroy'],
    ['actor=a&actor=b', 'actor'],
  ])('refuses a bad audit log parameter (%s) naming the field', async (query, field) => {
    const { body } = await api.anonymous().get(`/audit/log?${query}`).set(as(auditor)).expect(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION.INVALID', field });
  });

  it('exports a story as NDJSON that verifies offline', async () => {
    const response = await api.anonymous().get('/stories/audited/export').set(as(auditor)).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    }).expect(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson');
    const lines = ndjson(response.body as string);
    const [header, ...events] = lines.map((line) => JSON.parse(line));
    const trailer = events.pop();
    expect(header).toMatchObject({ kind: 'storyline-export', version: 1, story: { slug: 'audited' }, head: { position: '10' } });
    expect(events.map((event) => event.position)).toEqual(['1', '3', '4', '5', '6', '9', '10']);
    expect(events[5].prevHash).not.toBe(events[4].hash);
    expect(trailer).toMatchObject({ kind: 'storyline-export-end', count: 7, head: header.head });
    expect(await verifyExport(lines)).toMatchObject({ ok: true, events: 7 });
    expect((await api.anonymous().get('/stories/no-such-story/export').set(as(auditor)).expect(404)).body.error.code).toBe('STORY.NOT_FOUND');
  });

  it('names the first bad position once someone changed the table', async () => {
    const sql = new Client({ connectionString: api.db.url });
    await sql.connect();
    try {
      const kept = (await api.anonymous().get('/audit/verify').set(as(auditor)).expect(200)).body;
      await sql.query('BEGIN');
      await sql.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_or_delete');
      await sql.query(`UPDATE events SET data = jsonb_set(data, '{statement}', '"Nothing happened"') WHERE position = 5`);
      await sql.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_or_delete');
      await sql.query('COMMIT');
      const { body } = await api.anonymous().get(`/audit/verify?expectHead=${kept.headHash}`).set(as(auditor)).expect(200);
      expect(body).toMatchObject({ ok: false, checked: 4, firstBadPosition: 5, problem: 'changed', headPosition: 10 });
    } finally {
      await sql.end();
    }
  });
});
