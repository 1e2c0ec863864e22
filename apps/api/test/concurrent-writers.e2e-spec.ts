import { startApi, type ApiHarness } from './harness';

const report = (n: number) => ({
  outlet: `Outlet ${n}`,
  publishedAt: '2025-11-20T08:00:00Z',
  text: `Report ${n}. An envoy met minister ${n} in Vienna, officials said.`,
  facts: [{ statement: `An envoy met minister ${n} in Vienna`, evidence: { quote: `An envoy met minister ${n} in Vienna` } }],
});

describe('many writers on one story', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    await api.http().post('/stories').send({ slug: 'crowded', title: 'Crowded' }).expect(201);
  });
  afterAll(() => api.close());

  it('accepts 16 concurrent independent reports to one story, none refused', async () => {
    const answers = await Promise.all(Array.from({ length: 16 }, (_, n) => api.http().post('/stories/crowded/reports').send(report(n))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(16).fill(201));
    const revisions = answers.map((answer) => Number(JSON.parse(answer.headers.etag)));
    expect(new Set(revisions).size).toBe(16);
    const timeline = await api.http().get('/stories/crowded/timeline').expect(200);
    expect(timeline.body.entries.filter((entry: { kind: string }) => entry.kind === 'report')).toHaveLength(16);
  });

  it('still answers 412 to a writer whose If-Match is stale', async () => {
    const answer = await api.http().post('/stories/crowded/reports').set('If-Match', '"0"').send(report(99)).expect(412);
    expect(answer.body.error).toMatchObject({ code: 'STORY.VERSION_STALE', field: 'If-Match' });
  });
});
