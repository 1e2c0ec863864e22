import { startApi, type ApiHarness } from './harness';

const text = 'Wire report. An envoy met a minister in Vienna, officials said. The envoy declined to comment.';
const report = (overrides: Record<string, unknown> = {}) => ({
  outlet: 'Example Wire',
  publishedAt: '2025-11-20T08:00:00Z',
  headline: 'Envoy met minister',
  text,
  facts: [
    { statement: 'An envoy met a minister in Vienna', evidence: { quote: 'An envoy met a minister in Vienna' }, attributedTo: 'officials', modality: 'reportedly' },
    { statement: 'The envoy declined to comment', evidence: { quote: 'The envoy declined to comment' } },
  ],
  ...overrides,
});

describe('stories and reports over HTTP', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('opens a story, refuses its slug a second time and lists it', async () => {
    const created = await api.http().post('/stories').send({ slug: 'vienna-talks', title: 'Vienna talks' }).expect(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), slug: 'vienna-talks', readYourWrites: 'applied' });
    const again = await api.http().post('/stories').send({ slug: 'vienna-talks', title: 'Other' }).expect(409);
    expect(again.body.error).toMatchObject({ code: 'STORY.SLUG_TAKEN', field: 'slug' });
    const list = await api.http().get('/stories').expect(200);
    expect(list.body.stories).toEqual([{ id: created.body.id, slug: 'vienna-talks', title: 'Vienna talks' }]);
    await api.http().get(`/stories/${created.body.id}`).expect(200).expect('ETag', '"0"');
  });

  it('ingests a report with its facts and shows them in the timeline at once', async () => {
    const ingested = await api.http().post('/stories/vienna-talks/reports').send(report()).expect(201);
    expect(ingested.body).toEqual({
      reportId: expect.any(String),
      factIds: [expect.any(String), expect.any(String)],
      position: expect.any(Number),
      outlet: 'Example Wire',
      publishedAt: '2025-11-20T08:00:00.000Z',
      readYourWrites: 'applied',
    });
    const timeline = await api.http().get('/stories/vienna-talks/timeline').expect(200);
    expect(timeline.body.position).toBeGreaterThanOrEqual(ingested.body.position);
    expect(timeline.body.entries.map((entry: { kind: string; id: string }) => [entry.kind, entry.id])).toEqual([
      ['report', ingested.body.reportId],
      ['fact', ingested.body.factIds[0]],
      ['fact', ingested.body.factIds[1]],
    ]);
    expect(timeline.body.entries[1]).toMatchObject({
      reportId: ingested.body.reportId,
      source: 'Example Wire',
      reportedAt: '2025-11-20T08:00:00.000Z',
      recordedAt: expect.any(String),
      statement: 'An envoy met a minister in Vienna',
      attributedTo: 'officials',
      modality: 'reportedly',
    });
  });

  it('answers the same report again with the first answer and appends nothing', async () => {
    const before = await api.snapshot();
    const first = await api.http().post('/stories/vienna-talks/reports').send(report({ outlet: 'EXAMPLE WIRE' })).expect(200);
    const timeline = await api.http().get('/stories/vienna-talks/timeline').expect(200);
    expect(timeline.body.entries).toHaveLength(3);
    expect(first.body.factIds).toHaveLength(2);
    expect(await api.snapshot()).toBe(before);
  });

  it('replays an Idempotency-Key and refuses it for a different report', async () => {
    const body = report({ text: `${text} More.`, facts: [] });
    const first = await api.http().post('/stories/vienna-talks/reports').set('Idempotency-Key', 'k-1').send(body).expect(201);
    const retry = await api.http().post('/stories/vienna-talks/reports').set('Idempotency-Key', 'k-1').send(body).expect(200);
    expect(retry.body).toEqual(first.body);
    const before = await api.snapshot();
    const misuse = await api.http().post('/stories/vienna-talks/reports').set('Idempotency-Key', 'k-1').send(report({ text: 'Another text.', facts: [] })).expect(422);
    expect(misuse.body.error).toMatchObject({ code: 'REPORT.IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
    expect(await api.snapshot()).toBe(before);
  });

  it('uses If-Match for optimistic concurrency: a stale revision is 412', async () => {
    const story = await api.http().get('/stories/vienna-talks').expect(200);
    const etag = story.headers.etag as string;
    const fresh = await api.http().post('/stories/vienna-talks/reports').set('If-Match', etag).send(report({ text: 'Third text.', facts: [] })).expect(201);
    expect(fresh.headers.etag).not.toBe(etag);
    const before = await api.snapshot();
    const stale = await api.http().post('/stories/vienna-talks/reports').set('If-Match', etag).send(report({ text: 'Fourth text.', facts: [] })).expect(412);
    expect(stale.body.error).toMatchObject({ code: 'STORY.VERSION_STALE', field: 'If-Match' });
    expect(await api.snapshot()).toBe(before);
  });

  it('is 404 for a story that does not exist, for reads and writes', async () => {
    const write = await api.http().post('/stories/no-such-story/reports').send(report()).expect(404);
    expect(write.body.error.code).toBe('STORY.NOT_FOUND');
    await api.http().get('/stories/no-such-story/timeline').expect(404);
    await api.http().get('/stories/no-such-story/sources').expect(404);
    await api.http().get('/stories/..%2F..%2Fetc/timeline').expect(404);
  });
});
