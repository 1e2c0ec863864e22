import { Client } from 'pg';
import { startApi, type ApiHarness } from './harness';

describe('recovery when PostgreSQL drops every connection', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    await api.http().post('/stories').send({ slug: 'resilient', title: 'Resilient' }).expect(201);
  });
  afterAll(() => api.close());

  it('keeps accepting reports and the projector catches up again', async () => {
    const admin = new Client({ connectionString: api.db.url });
    await admin.connect();
    const killed = await admin.query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await admin.end();
    expect(killed.rows[0].n).toBeGreaterThan(0);

    const report = { outlet: 'Wire', publishedAt: '2025-11-20T00:00:00Z', text: 'A fact survived.', facts: [{ statement: 'A fact survived', evidence: { start: 0, end: 15 } }] };
    let posted: { status: number; body: { position: number } } | null = null;
    for (let attempt = 0; attempt < 20 && posted?.status !== 201; attempt++) {
      posted = await api.http().post('/stories/resilient/reports').send(report);
      if (posted.status !== 201) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(posted?.status).toBe(201);

    let entries = 0;
    for (let attempt = 0; attempt < 60 && entries < 2; attempt++) {
      const timeline = await api.http().get('/stories/resilient/timeline');
      entries = timeline.status === 200 ? timeline.body.entries.length : 0;
      if (entries < 2) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(entries).toBe(2);
    const health = await api.http().get('/health').expect(200);
    expect(health.body.projections).toEqual({ status: 'running', position: health.body.head, stuck: false });
  }, 30_000);
});
