import { loadExampleIfEmpty } from '@storyline/server';
import { startApi, type ApiHarness } from './harness';

interface Entry {
  kind: string;
  id: string;
  statement?: string;
  status?: string;
  corrected?: boolean;
  verdict?: string;
}

const STORY = '/stories/witkoff-back-channel';

describe('later knowledge: corrections, retractions, links, verdicts, lineage and diff', () => {
  let api: ApiHarness;
  let ukrainian: Entry;
  let kremlin: Entry;
  let before: { position: number; body: unknown };

  beforeAll(async () => {
    api = await startApi();
    await loadExampleIfEmpty(api.app);
    const timeline = (await api.http().get(`${STORY}/timeline`).expect(200)).body;
    ukrainian = timeline.entries.find((entry: Entry) => /Ukrainian officials/.test(entry.statement ?? ''));
    kremlin = timeline.entries.find((entry: Entry) => /Kremlin official/.test(entry.statement ?? ''));
    before = { position: timeline.position, body: timeline };
  });
  afterAll(() => api.close());

  it('records a contradiction between the two reports and shows it in the timeline', async () => {
    const link = { fromFactId: kremlin.id, toFactId: ukrainian.id, kind: 'contradicts', reason: 'different counterpart: Kremlin official vs Ukrainian officials' };
    const created = await api.http().post(`${STORY}/links`).send(link).expect(201);
    const again = await api.http().post(`${STORY}/links`).send(link).expect(200);
    expect(again.body.linkId).toBe(created.body.linkId);
    const { body } = await api.http().get(`${STORY}/timeline`).expect(200);
    expect(body.links).toEqual([expect.objectContaining({ id: created.body.linkId, kind: 'contradicts', fromFactId: kremlin.id, toFactId: ukrainian.id })]);
  });

  it('corrects and retracts on the reported clock, and keeps earlier views as they were', async () => {
    await api.http().post(`/facts/${ukrainian.id}/corrections`).send({ changes: { statement: 'Witkoff held talks with Ukrainian officials, the outlet now says indirectly' }, reason: 'correction notice', correctedAt: '2025-11-22T00:00:00Z' }).expect(201);
    await api.http().post(`/facts/${kremlin.id}/verdicts`).send({ verdict: 'disputed', reason: 'one anonymous source' }).expect(201);
    const retractable = (before.body as { entries: Entry[] }).entries.find((entry) => /European allies/.test(entry.statement ?? ''))!;
    await api.http().post(`/facts/${retractable.id}/retractions`).send({ reason: 'withdrawn', retractedAt: '2025-11-23T00:00:00Z' }).expect(201);
    await api.http().post(`/facts/${retractable.id}/retractions`).send({ reason: 'withdrawn', retractedAt: '2025-11-23T00:00:00Z' }).expect(200);

    const asOf21 = (await api.http().get(`${STORY}/timeline?asOf=2025-11-21&clock=reported`).expect(200)).body;
    const asOf24 = (await api.http().get(`${STORY}/timeline?asOf=2025-11-24&clock=reported`).expect(200)).body;
    const find = (view: { entries: Entry[] }, id: string) => view.entries.find((entry) => entry.id === id);
    expect(find(asOf21, ukrainian.id)).toMatchObject({ statement: ukrainian.statement, corrected: false });
    expect(find(asOf24, ukrainian.id)).toMatchObject({ statement: expect.stringContaining('indirectly'), corrected: true });
    expect(find(asOf21, retractable.id)?.status).toBe('active');
    expect(find(asOf24, retractable.id)?.status).toBe('retracted');
    const now = (await api.http().get(`${STORY}/timeline`).expect(200)).body;
    expect(find(now, kremlin.id)?.verdict).toBe('disputed');
  });

  it('reproduces an earlier view exactly from its position', async () => {
    const again = (await api.http().get(`${STORY}/timeline?atPosition=${before.position}`).expect(200)).body;
    expect(again).toEqual(before.body);
  });

  it('tells a fact’s lineage in order, with who did what', async () => {
    const { body } = await api.http().get(`/facts/${ukrainian.id}/lineage`).expect(200);
    expect(body.steps.map((step: { kind: string }) => step.kind)).toEqual(['reported', 'linked', 'corrected']);
    expect(body.steps[2]).toMatchObject({ actor: 'key:bootstrap', reason: 'correction notice' });
    await api.http().get('/facts/00000000-0000-4000-8000-000000000000/lineage').expect(404);
    await api.http().get('/facts/not-an-id/lineage').expect(400);
  });

  it('diffs two instants: what was added, corrected and retracted in between', async () => {
    const { body } = await api.http().get(`${STORY}/diff?from=2025-11-21&to=2025-11-28&clock=reported`).expect(200);
    expect(body.added.map((fact: { statement: string }) => fact.statement)).toEqual(expect.arrayContaining([kremlin.statement]));
    expect(body.corrected.map((fact: { factId: string }) => fact.factId)).toEqual([ukrainian.id]);
    expect(body.retracted).toHaveLength(1);
    expect((await api.http().get(`${STORY}/diff?from=2025-11-28&to=2025-11-21`).expect(400)).body.error.field).toBe('to');
    expect((await api.http().get(`${STORY}/diff?to=2025-11-21`).expect(400)).body.error.field).toBe('from');
  });

  it('refuses changes to facts it does not know, and to retracted ones', async () => {
    await api.http().post('/facts/00000000-0000-4000-8000-000000000000/amendments').send({ changes: { statement: 'x' }, reason: 'r' }).expect(404);
    const retracted = (before.body as { entries: Entry[] }).entries.find((entry) => /European allies/.test(entry.statement ?? ''))!;
    const refused = await api.http().post(`/facts/${retracted.id}/amendments`).send({ changes: { statement: 'x' }, reason: 'r' }).expect(409);
    expect(refused.body.error.code).toBe('FACT.RETRACTED');
  });
});
