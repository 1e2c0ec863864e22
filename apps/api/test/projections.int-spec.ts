import { ADVISORY_LOCKS } from '@storyline/projections';
import { runTypeScript, type Child } from '@storyline/host/testing/child-process';
import { Client } from 'pg';
import { startApi, type ApiHarness } from './harness';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const report = (index: number) => ({
  outlet: index % 2 ? 'Kyiv Post' : 'Newshub Editorial in Europe',
  publishedAt: `2025-11-${String(10 + (index % 20)).padStart(2, '0')}T09:00:00Z`,
  text: `Report ${index}: the envoy met officials.`,
  facts: [{ statement: `The envoy met officials (${index})`, evidence: { start: 0, end: 9 } }],
});

async function addReports(api: ApiHarness, story: string, count: number): Promise<void> {
  await api.http().post('/stories').send({ slug: story, title: story }).expect(201);
  for (let index = 0; index < count; index++) await api.http().post(`/stories/${story}/reports`).send(report(index)).expect(201);
}

describe('projections over HTTP', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await addReports(api, 'rebuilt-story', 30);
  });
  afterAll(() => api.close());

  it('shows each projection with its checkpoint, the head, the lag, and that this instance leads', async () => {
    const { body } = await api.http().get('/projections').expect(200);
    expect(body.projector).toEqual({ mode: 'inline', leader: true, leaderPresent: true, runner: 'running' });
    expect(body.projections.map((projection: { name: string }) => projection.name)).toEqual(expect.arrayContaining(['stories', 'timeline', 'source-ledger']));
    for (const projection of body.projections) expect(projection).toMatchObject({ checkpoint: body.head, lag: 0, status: 'caught-up', rebuild: null, rebuildingElsewhere: [] });
    expect((await api.http().get('/health').expect(200)).body).toMatchObject({ projector: 'inline', leader: true });
  });

  it('rebuilds a projection (202) while reads keep answering 200, and shows its progress until done', async () => {
    const { body } = await api.http().post('/projections/timeline/rebuild').expect(202);
    expect(body.rebuildId).toMatch(/^rebuild_timeline_[0-9a-f]{6}$/);
    const statuses = new Set<number>();
    let progress: { state: string; position: number; head: number } = { state: 'building', position: 0, head: 0 };
    for (const deadline = Date.now() + 30_000; !['done', 'failed'].includes(progress.state) && Date.now() < deadline; ) {
      statuses.add((await api.http().get('/stories/rebuilt-story/timeline')).status);
      progress = (await api.http().get(`/projections/rebuilds/${body.rebuildId}`).expect(200)).body;
    }
    expect(progress).toMatchObject({ state: 'done', percent: 100, error: null });
    expect([...statuses]).toEqual([200]);
    const timeline = await api.http().get('/stories/rebuilt-story/timeline').expect(200);
    expect(timeline.body.entries).toHaveLength(60);
    const overview = await api.http().get('/projections').expect(200);
    expect(overview.body.projections.find((projection: { name: string }) => projection.name === 'timeline').rebuild).toMatchObject({ id: body.rebuildId, state: 'done' });
  }, 60_000);

  it('answers 404 naming the known projections, 409 for a rebuild running elsewhere, 403 without the admin role', async () => {
    const unknown = await api.http().post('/projections/timelines/rebuild').expect(404);
    expect(unknown.body.error).toMatchObject({ code: 'PROJECTION.NOT_FOUND', field: 'name' });
    expect(unknown.body.error.message).toContain('known projections: stories, timeline, source-ledger');
    const other = new Client({ connectionString: api.db.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1, hashtext($2))', [ADVISORY_LOCKS.rebuildClassId, 'source-ledger']);
      const conflict = await api.http().post('/projections/source-ledger/rebuild').expect(409);
      expect(conflict.body.error).toEqual({ code: 'PROJECTION.REBUILD_RUNNING', message: 'a rebuild of source-ledger is already running in another process' });
    } finally {
      await other.end();
    }
    await api.http().get('/projections/rebuilds/rebuild_none_000000').expect(404);
    const editor = (await api.http().post('/keys').send({ role: 'editor', name: 'an editor' }).expect(201)).body;
    await api.anonymous().post('/projections/stories/rebuild').set('Authorization', `Bearer ${editor.secret}`).expect(403);
    await api.anonymous().get('/projections').set('Authorization', `Bearer ${editor.secret}`).expect(200);
  });
});

describe('the API with an external projector', () => {
  let api: ApiHarness;
  let projector: Child;

  beforeAll(async () => {
    process.env.STORYLINE_PROJECTOR = 'external';
    try {
      api = await startApi();
    } finally {
      delete process.env.STORYLINE_PROJECTOR;
    }
    projector = runTypeScript('apps/projector/src/main.ts', { DATABASE_URL: api.db.url, STORYLINE_PROJECTOR: '' });
    await projector.waitFor('this instance leads; projecting', 60_000);
  }, 90_000);

  afterAll(async () => {
    await projector?.kill('SIGTERM');
    await api?.close();
  });

  it('does not project itself, yet a write answers once the projector app has applied it', async () => {
    expect((await api.http().get('/health').expect(200)).body).toMatchObject({ projector: 'external', leader: false, projections: { status: 'idle' } });
    await addReports(api, 'external-story', 3);
    const timeline = await api.http().get('/stories/external-story/timeline').expect(200);
    expect(timeline.body.entries).toHaveLength(6);
    const { body } = await api.http().get('/projections').expect(200);
    expect(body.projector).toEqual({ mode: 'external', leader: false, leaderPresent: true, runner: 'idle' });
    await projector.kill('SIGTERM');
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(100)) {
      if (!(await api.http().get('/projections').expect(200)).body.projector.leaderPresent) break;
    }
    expect((await api.http().get('/projections').expect(200)).body.projector.leaderPresent).toBe(false);
  }, 60_000);
});
