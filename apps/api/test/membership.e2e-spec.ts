import { startApi, type ApiHarness } from './harness';

const report = (n: number) => ({
  outlet: 'Example Wire',
  publishedAt: `2025-11-2${n}T08:00:00Z`,
  text: `Report ${n}. An envoy met minister number ${n} in Vienna.`,
  facts: [{ statement: `An envoy met minister number ${n}`, evidence: { quote: `An envoy met minister number ${n}` } }],
});

type Entry = { kind: string; id: string };
const reportsOf = (body: { entries: Entry[] }): string[] => body.entries.filter((entry) => entry.kind === 'report').map((entry) => entry.id).sort();

describe('membership over HTTP: move, split, merge, rename, with as-of reads', () => {
  let api: ApiHarness;
  const ids: Record<string, string> = {};
  const positions: Record<string, number> = {};

  beforeAll(async () => {
    api = await startApi();
    for (const slug of ['alpha', 'beta']) ids[slug] = (await api.http().post('/stories').send({ slug, title: slug.toUpperCase() }).expect(201)).body.id;
    ids.r1 = (await api.http().post('/stories/alpha/reports').send(report(1)).expect(201)).body.reportId;
    ids.r2 = (await api.http().post('/stories/alpha/reports').send(report(2)).expect(201)).body.reportId;
    const r3 = await api.http().post('/stories/beta/reports').send(report(3)).expect(201);
    ids.r3 = r3.body.reportId;
    positions.ingested = r3.body.position;
  });
  afterAll(() => api.close());

  it('moves a report, with an ETag and read-your-writes; moving it again changes nothing', async () => {
    const moved = await api.http().post(`/reports/${ids.r2}/move`).send({ to: 'beta', reason: 'it is about beta' }).expect(200).expect('ETag', /"\d+"/);
    expect(moved.body).toMatchObject({ storyId: ids.alpha, reportId: ids.r2, toStoryId: ids.beta, changed: true, readYourWrites: 'applied' });
    positions.moved = moved.body.position;
    expect(reportsOf((await api.http().get('/stories/beta/timeline').expect(200)).body)).toEqual([ids.r2, ids.r3].sort());
    expect(reportsOf((await api.http().get('/stories/alpha/timeline').expect(200)).body)).toEqual([ids.r1]);
    const again = await api.http().post(`/reports/${ids.r2}/move`).send({ to: ids.beta, reason: 'retry' }).expect(200);
    expect(again.body).toMatchObject({ changed: false, storyId: ids.beta });
  });

  it('splits reports into a new story that takes their facts along', async () => {
    const split = await api.http().post('/stories/beta/split').send({ reports: [ids.r3], slug: 'gamma', title: 'Gamma', reason: 'a strand of its own' }).expect(201);
    expect(split.body).toMatchObject({ slug: 'gamma', fromStoryId: ids.beta, changed: true, readYourWrites: 'applied' });
    ids.gamma = split.body.storyId;
    positions.split = split.body.position;
    const gamma = (await api.http().get('/stories/gamma/timeline').expect(200)).body;
    expect(reportsOf(gamma)).toEqual([ids.r3]);
    expect(gamma.entries.map((entry: { statement?: string }) => entry.statement).filter(Boolean)).toEqual(['An envoy met minister number 3']);
    expect(reportsOf((await api.http().get('/stories/beta/timeline').expect(200)).body)).toEqual([ids.r2]);
    expect(reportsOf((await api.http().get(`/stories/beta/timeline?atPosition=${positions.moved}`).expect(200)).body)).toEqual([ids.r2, ids.r3].sort());
  });

  it('merges a story: together after, apart before, and the old slug and id keep answering', async () => {
    const merged = await api.http().post('/stories/alpha/merge').send({ into: 'beta', reason: 'one story' }).expect(200);
    expect(merged.body).toMatchObject({ storyId: ids.alpha, intoStoryId: ids.beta, changed: true });
    positions.merged = merged.body.position;
    for (const ref of ['alpha', ids.alpha]) {
      const story = await api.http().get(`/stories/${ref}`).expect(200);
      expect(story.body).toEqual({ id: ids.beta, slug: 'beta', title: 'BETA', mergedFrom: { id: ids.alpha, slug: 'alpha' } });
      const timeline = (await api.http().get(`/stories/${ref}/timeline`).expect(200)).body;
      expect(timeline.story).toMatchObject({ id: ids.beta, mergedFrom: { id: ids.alpha, slug: 'alpha' } });
      expect(reportsOf(timeline)).toEqual([ids.r1, ids.r2].sort());
    }
    const before = (await api.http().get(`/stories/alpha/timeline?atPosition=${positions.merged - 1}`).expect(200)).body;
    expect(before.story).toEqual({ id: ids.alpha, slug: 'alpha', title: 'ALPHA' });
    expect(reportsOf(before)).toEqual([ids.r1]);
    expect(reportsOf((await api.http().get(`/stories/beta/timeline?atPosition=${positions.merged - 1}`).expect(200)).body)).toEqual([ids.r2]);
    const history = (await api.http().get('/stories/beta/membership').expect(200)).body;
    const mergedAt = history.changes.find((change: { kind: string }) => change.kind === 'merged').recordedAt as string;
    const instant = new Date(Date.parse(mergedAt) - 1).toISOString();
    expect(reportsOf((await api.http().get(`/stories/alpha/timeline?asOf=${instant}&clock=recorded`).expect(200)).body)).toEqual([ids.r1]);
    expect(reportsOf((await api.http().get(`/stories/beta/timeline?asOf=${instant}&clock=recorded`).expect(200)).body)).toEqual([ids.r2]);
    expect(reportsOf((await api.http().get('/stories/beta/timeline?asOf=2030-01-01T00:00:00Z').expect(200)).body)).toEqual([ids.r1, ids.r2].sort());
    const refused = await api.http().post('/stories/alpha/reports').send(report(4));
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'STORY.MERGED']);
  });

  it('renames a story: the new and the old slug answer, and writes reach it by the new slug', async () => {
    const renamed = await api.http().patch('/stories/beta').send({ slug: 'beta-talks', title: 'Beta talks', reason: 'clearer' }).expect(200);
    expect(renamed.body).toMatchObject({ storyId: ids.beta, slug: 'beta-talks', changed: true });
    for (const ref of ['beta', 'beta-talks', ids.beta]) expect((await api.http().get(`/stories/${ref}`).expect(200)).body).toEqual({ id: ids.beta, slug: 'beta-talks', title: 'Beta talks' });
    const ingested = await api.http().post('/stories/beta-talks/reports').send(report(5)).expect(201);
    expect(reportsOf((await api.http().get('/stories/beta/timeline').expect(200)).body)).toContain(ingested.body.reportId);
    const taken = await api.http().post('/stories').send({ slug: 'beta-talks', title: 'Another' }).expect(409);
    expect(taken.body.error).toMatchObject({ code: 'STORY.SLUG_TAKEN', field: 'slug' });
  });

  it('keeps the membership history of a story with actor and reason, and as of earlier positions', async () => {
    const history = (await api.http().get('/stories/beta-talks/membership').expect(200)).body;
    expect(history.changes.map((change: { kind: string; reason: string }) => [change.kind, change.reason])).toEqual([
      ['moved', 'it is about beta'],
      ['split', 'a strand of its own'],
      ['merged', 'one story'],
      ['renamed', 'clearer'],
    ]);
    expect(history.changes.every((change: { actor: string }) => change.actor.length > 0)).toBe(true);
    const earlier = (await api.http().get(`/stories/beta/membership?atPosition=${positions.moved}`).expect(200)).body;
    expect(earlier.reports).toEqual([ids.r2, ids.r3].sort());
    expect(earlier.changes.map((change: { kind: string }) => change.kind)).toEqual(['moved']);
    const alpha = (await api.http().get('/stories/alpha/membership').expect(200)).body;
    expect(alpha.story).toMatchObject({ id: ids.alpha, mergedInto: ids.beta });
    expect(alpha.reports).toEqual([]);
  });

  describe('bad input is refused with the field named and changes nothing', () => {
    let before: string;
    beforeAll(async () => {
      before = await api.snapshot();
    });
    afterEach(async () => expect(await api.snapshot()).toBe(before));

    const cases: [string, () => [string, string, object], number, string, string][] = [
      ['a merge into itself', () => ['post', '/stories/gamma/merge', { into: 'gamma', reason: 'r' }], 422, 'STORY.SAME_STORY', 'into'],
      ['a merge into a merged story', () => ['post', '/stories/gamma/merge', { into: ids.alpha, reason: 'r' }], 409, 'STORY.MERGED', 'into'],
      ['a merge of a merged story', () => ['post', `/stories/${ids.alpha}/merge`, { into: 'gamma', reason: 'r' }], 409, 'STORY.MERGED', 'story'],
      ['a merge into an unknown story', () => ['post', '/stories/gamma/merge', { into: 'nowhere', reason: 'r' }], 404, 'STORY.NOT_FOUND', 'into'],
      ['a merge without a reason', () => ['post', '/stories/gamma/merge', { into: 'beta' }], 400, 'VALIDATION.INVALID', 'reason'],
      ['a merge with an unknown field', () => ['post', '/stories/gamma/merge', { into: 'beta', reason: 'r', force: true }], 400, 'VALIDATION.INVALID', 'force'],
      ['a split of an unknown report', () => ['post', '/stories/beta/split', { reports: ['00000000-0000-4000-8000-000000000000'], slug: 'delta', title: 'D', reason: 'r' }], 404, 'REPORT.NOT_FOUND', 'reports[0]'],
      ['a split of a report of another story', () => ['post', '/stories/beta/split', { reports: [ids.r3], slug: 'delta', title: 'D', reason: 'r' }], 409, 'REPORT.NOT_IN_STORY', 'reports[0]'],
      ['a split to a taken slug', () => ['post', '/stories/beta/split', { reports: [ids.r2], slug: 'gamma', title: 'D', reason: 'r' }], 409, 'STORY.SLUG_TAKEN', 'slug'],
      ['a split to an old slug', () => ['post', '/stories/beta/split', { reports: [ids.r2], slug: 'beta', title: 'D', reason: 'r' }], 409, 'STORY.SLUG_TAKEN', 'slug'],
      ['a split of no reports', () => ['post', '/stories/beta/split', { reports: [], slug: 'delta', title: 'D', reason: 'r' }], 400, 'VALIDATION.INVALID', 'reports'],
      ['a split with a bad slug', () => ['post', '/stories/beta/split', { reports: [ids.r2], slug: 'Not A Slug', title: 'D', reason: 'r' }], 400, 'VALIDATION.INVALID', 'slug'],
      ['a move of an unknown report', () => ['post', '/reports/00000000-0000-4000-8000-000000000000/move', { to: 'gamma', reason: 'r' }], 404, 'REPORT.NOT_FOUND', 'report'],
      ['a move to an unknown story', () => ['post', `/reports/${ids.r2}/move`, { to: 'nowhere', reason: 'r' }], 404, 'STORY.NOT_FOUND', 'to'],
      ['a move to a merged story', () => ['post', `/reports/${ids.r2}/move`, { to: 'alpha', reason: 'r' }], 409, 'STORY.MERGED', 'to'],
      ['a rename to a taken slug', () => ['patch', '/stories/beta', { slug: 'gamma', reason: 'r' }], 409, 'STORY.SLUG_TAKEN', 'slug'],
      ['a rename with nothing to change', () => ['patch', '/stories/beta', { reason: 'r' }], 400, 'VALIDATION.INVALID', 'slug'],
      ['a rename of an unknown story', () => ['patch', '/stories/nowhere', { title: 'T', reason: 'r' }], 404, 'STORY.NOT_FOUND', 'story'],
    ];

    it.each(cases)('refuses %s', async (_name, request, status, code, field) => {
      const [method, path, body] = request();
      const response = await (method === 'post' ? api.http().post(path) : api.http().patch(path)).send(body).expect(status);
      expect(response.body.error).toMatchObject({ code, field });
    });
  });
});
