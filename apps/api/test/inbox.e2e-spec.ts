import { startApi, type ApiHarness } from './harness';

// Invented reports about two unrelated stories, each told in its own names.
const harbour = (n: number) =>
  `Officials in Port Alder said the Alder Harbour Authority closed the northern quay after storm ${n}. Mayor Ines Calloway and the Alder Harbour Authority met fishermen from Port Alder about the breakwater.`;
const election = (n: number) =>
  `Candidates in Veltmark debated taxes on day ${n}. Senator Oskar Brandvold of the Veltmark Unity Party accused Premier Hanna Solberg of raising fuel prices in Veltmark.`;

describe('the inbox over HTTP', () => {
  let api: ApiHarness;
  let harbourId: string;
  let electionId: string;
  beforeAll(async () => {
    api = await startApi();
    harbourId = (await api.http().post('/stories').send({ slug: 'harbour', title: 'Harbour' }).expect(201)).body.id;
    electionId = (await api.http().post('/stories').send({ slug: 'election', title: 'Election' }).expect(201)).body.id;
    for (let n = 1; n <= 2; n++) {
      await api.http().post('/stories/harbour/reports').send({ text: harbour(n), outlet: 'Alder Post', publishedAt: `2025-03-0${n}T08:00:00Z` }).expect(201);
      await api.http().post('/stories/election/reports').send({ text: election(n), outlet: 'Veltmark Daily', publishedAt: `2025-03-0${n}T08:00:00Z` }).expect(201);
    }
  });
  afterAll(() => api.close());

  it('stores a report sent without a story in the inbox and joins it to the story it matches at once', async () => {
    const sent = await api.http().post('/reports?inbox=wires').send({ text: harbour(3), outlet: 'Wire', publishedAt: '2025-03-03T08:00:00Z' }).expect(202);
    expect(sent.body).toMatchObject({ reportId: expect.any(String), inbox: 'wires', readYourWrites: 'applied', routing: '/inbox?inbox=wires' });
    const joined = await api.http().get('/inbox?inbox=wires&status=joined').expect(200);
    expect(joined.body.policy).toEqual({ threshold: 0.2, autoOpen: true, set: false });
    expect(joined.body.reports).toEqual([
      expect.objectContaining({ reportId: sent.body.reportId, status: 'joined', storyId: harbourId, proposals: expect.arrayContaining([expect.objectContaining({ storyId: harbourId, slug: 'harbour', title: 'Harbour' })]) }),
    ]);
    // Joined means moved out of the inbox: the report and its facts read as the story's.
    const timeline = await api.http().get('/stories/harbour/timeline').expect(200);
    expect(timeline.body.entries.filter((entry: { kind: string; id: string }) => entry.kind === 'report').map((entry: { id: string }) => entry.id)).toContain(sent.body.reportId);
    expect(timeline.body.entries.filter((entry: { kind: string }) => entry.kind === 'fact').length).toBeGreaterThan(0);
    const again = await api.http().post('/reports?inbox=wires').send({ text: harbour(3), outlet: 'Wire', publishedAt: '2025-03-03T08:00:00Z' }).expect(200);
    expect(again.body.reportId).toBe(sent.body.reportId);
  });

  it('holds a report below the threshold for an analyst, who accepts it into the story it names', async () => {
    await api.http().put('/inbox/policy').send({ inbox: 'desk', threshold: 0.95, autoOpen: false }).expect(201);
    await api.http().put('/inbox/policy').send({ inbox: 'desk', threshold: 0.95, autoOpen: false }).expect(200);
    const sent = await api.http().post('/reports?inbox=desk').set('Content-Type', 'text/plain').send('Premier Hanna Solberg visited a fuel depot in northern Veltmark, where farmers asked her about diesel taxes.').expect(202);
    const waiting = await api.http().get('/inbox?inbox=desk').expect(200);
    expect(waiting.body.policy).toEqual({ threshold: 0.95, autoOpen: false, set: true });
    expect(waiting.body.reports).toEqual([expect.objectContaining({ reportId: sent.body.reportId, status: 'waiting', storyId: null, threshold: 0.95 })]);
    expect(waiting.body.reports[0].proposals[0]).toMatchObject({ storyId: electionId, reasons: { sharedEntities: expect.any(Array) } });

    const accepted = await api.http().post(`/inbox/reports/${sent.body.reportId}/accept?inbox=desk`).send({ reason: 'same election' }).expect(201);
    expect(accepted.body).toMatchObject({ reportId: sent.body.reportId, decision: 'accepted', storyId: electionId, opened: false, changed: true });
    await api.http().post(`/inbox/reports/${sent.body.reportId}/accept?inbox=desk`).send({}).expect(200);
    const conflict = await api.http().post(`/inbox/reports/${sent.body.reportId}/reject?inbox=desk`).send({ reason: 'no' }).expect(409);
    expect(conflict.body.error).toMatchObject({ code: 'INBOX.ALREADY_RESOLVED', field: 'report' });
    expect((await api.http().get('/inbox?inbox=desk').expect(200)).body.reports).toEqual([]);
    expect((await api.http().get('/inbox?inbox=desk&status=accepted').expect(200)).body.reports).toEqual([expect.objectContaining({ reportId: sent.body.reportId, storyId: electionId })]);
    const timeline = await api.http().get('/stories/election/timeline').expect(200);
    expect(timeline.body.entries.map((entry: { id: string }) => entry.id)).toContain(sent.body.reportId);
  });

  it('lets an analyst open a new story for a waiting report, or reject one', async () => {
    const first = await api.http().post('/reports?inbox=desk').send({ text: 'Astronomers at Kessel Observatory photographed the comet Ferro-Kel passing Jupiter.', headline: 'Comet passes Jupiter' }).expect(202);
    const second = await api.http().post('/reports?inbox=desk').send({ text: 'The Tavrin Institute measured the Orrin Glacier retreating forty metres.' }).expect(202);
    const opened = await api.http().post(`/inbox/reports/${first.body.reportId}/accept?inbox=desk`).send({ story: 'new' }).expect(201);
    expect(opened.body).toMatchObject({ opened: true, storyId: expect.any(String) });
    const story = await api.http().get(`/stories/${opened.body.storyId}`).expect(200);
    expect(story.body).toMatchObject({ slug: expect.stringMatching(/^report-/), title: 'Comet passes Jupiter' });
    await api.http().post(`/inbox/reports/${second.body.reportId}/reject?inbox=desk`).send({ reason: 'not news' }).expect(201);
    expect((await api.http().get('/inbox?inbox=desk&status=rejected').expect(200)).body.reports.map((report: { reportId: string }) => report.reportId)).toEqual([second.body.reportId]);
  });

  it('pages the inbox', async () => {
    const all = await api.http().get('/inbox?inbox=desk&status=all&limit=2').expect(200);
    expect(all.body.reports).toHaveLength(2);
    const rest = await api.http().get(`/inbox?inbox=desk&status=all&limit=2&after=${all.body.next}`).expect(200);
    expect(rest.body.reports).toHaveLength(1);
    expect(rest.body.next).toBeNull();
  });

  it.each([
    ['put', '/inbox/policy', { inbox: 'desk', threshold: 2 }, 'threshold'],
    ['put', '/inbox/policy', { inbox: 'desk' }, 'threshold'],
    ['put', '/inbox/policy', { inbox: 'Desk!', threshold: 0.3 }, 'inbox'],
    ['post', '/reports?inbox=Bad%20Name', { text: 'x' }, 'inbox'],
    ['post', '/inbox/reports/not-an-id/accept', {}, 'report'],
    ['post', '/inbox/reports/00000000-0000-4000-8000-000000000000/reject?inbox=desk', {}, 'reason'],
    ['post', '/inbox/reports/00000000-0000-4000-8000-000000000000/accept?inbox=desk', { story: 'Not A Slug' }, 'story'],
  ])('refuses %s %s %j naming %s, changing nothing', async (method, path, body, field) => {
    const before = await api.snapshot();
    const refused = await (method === 'put' ? api.http().put(path) : api.http().post(path)).send(body).expect(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION.INVALID', field });
    expect(await api.snapshot()).toBe(before);
  });

  it('answers 404 for an unknown report or story, changing nothing', async () => {
    const before = await api.snapshot();
    const unknown = await api.http().post('/inbox/reports/00000000-0000-4000-8000-000000000000/accept?inbox=desk').send({}).expect(404);
    expect(unknown.body.error).toMatchObject({ code: 'INBOX.REPORT_NOT_FOUND', field: 'report' });
    const sent = await api.http().post('/reports?inbox=strays').send({ text: 'Nothing like any story: a regatta on Lake Mirrow.' }).expect(202);
    const after = await api.snapshot();
    const noStory = await api.http().post(`/inbox/reports/${sent.body.reportId}/accept?inbox=strays`).send({ story: 'no-such-story' }).expect(404);
    expect(noStory.body.error).toMatchObject({ code: 'STORY.NOT_FOUND', field: 'story' });
    expect(await api.snapshot()).toBe(after);
    expect(after).not.toBe(before);
  });
});
