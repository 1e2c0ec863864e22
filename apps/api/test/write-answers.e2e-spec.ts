import { startApi, type ApiHarness } from './harness';

const report = (n: number) => ({
  outlet: `Outlet ${n}`,
  publishedAt: `2025-11-${10 + n}T00:00:00Z`,
  text: `Report number ${n} says a thing happened.`,
  facts: [{ statement: `Thing ${n} happened`, evidence: { quote: 'a thing happened' } }],
});

const RYW = 'storyline-read-your-writes';

/** The `storyline_read_your_writes_total` sample for one outcome (0 before the first). */
async function counted(api: ApiHarness, outcome: string): Promise<number> {
  const { text } = await api.anonymous().get('/metrics').expect(200);
  const sample = new RegExp(`^storyline_read_your_writes_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text);
  return sample ? Number(sample[1]) : 0;
}

describe('every write answers its stream revision and whether read-your-writes held', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('gives the new ETag and "applied" on each write route, and the ETag is what GET /stories and If-Match use', async () => {
    const opened = await api.http().post('/stories').send({ slug: 'answered', title: 'Answered' }).expect(201);
    expect(opened.headers.etag).toBe('"0"');
    expect(opened.headers[RYW]).toBe('applied');
    expect(opened.body).toMatchObject({ slug: 'answered', readYourWrites: 'applied' });

    const first = await api.http().post('/stories/answered/reports').send(report(1)).expect(201);
    const second = await api.http().post('/stories/answered/reports').set('If-Match', first.headers.etag).send(report(2)).expect(201);
    expect([first.headers.etag, second.headers.etag]).toEqual(['"2"', '"4"']);
    expect(second.body.readYourWrites).toBe('applied');
    expect((await api.http().get('/stories/answered').expect(200)).headers.etag).toBe('"4"');
    const again = await api.http().post('/stories/answered/reports').send(report(2)).expect(200);
    expect(again.headers.etag).toBe('"4"');

    const [a, b] = [first.body.factIds[0], second.body.factIds[0]];
    const linked = await api.http().post('/stories/answered/links').send({ fromFactId: b, toFactId: a, kind: 'contradicts' }).expect(201);
    expect(linked.headers.etag).toBe('"5"');
    expect(linked.headers[RYW]).toBe('applied');
    expect(linked.body).not.toHaveProperty('revision');
    const verdict = await api.http().post(`/facts/${a}/verdicts`).set('If-Match', '"5"').send({ verdict: 'disputed', reason: 'one source' }).expect(201);
    expect(verdict.headers.etag).toBe('"6"');
    expect(verdict.body.readYourWrites).toBe('applied');
    const retracted = await api.http().post(`/facts/${b}/retractions`).send({ reason: 'withdrawn', retractedAt: '2025-11-23T00:00:00Z' }).expect(201);
    expect(retracted.headers.etag).toBe('"7"');

    const source = await api.http().post('/sources').send({ name: 'Wire Service' }).expect(201);
    expect(source.headers.etag).toBe('"0"');
    expect(source.headers[RYW]).toBe('applied');
    const alias = await api.http().post('/sources/Wire%20Service/aliases').send({ alias: 'The Wire' }).expect(201);
    expect(alias.headers.etag).toBe('"1"');
  });

  it('counts the outcomes in /metrics', async () => {
    const before = await counted(api, 'applied');
    await api.http().post('/stories').send({ slug: 'counted', title: 'Counted' }).expect(201);
    expect(await counted(api, 'applied')).toBe(before + 1);
  });
});

describe('a write whose read models do not catch up in time', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    // No projector runs in this process or any other: nothing will show the write.
    api = await startApi({ STORYLINE_READ_YOUR_WRITES_MS: '100' }, { projector: 'external' });
  });
  afterAll(() => api.close());

  it('still answers (the write is stored) but says it gave up, in a header, the body and the metric', async () => {
    const before = await counted(api, 'timeout');
    const opened = await api.http().post('/stories').send({ slug: 'unseen', title: 'Unseen' }).expect(201);
    expect(opened.headers[RYW]).toBe('timeout');
    expect(opened.body.readYourWrites).toBe('timeout');
    expect(opened.headers.etag).toBe('"0"');
    const ingested = await api.http().post('/stories/unseen/reports').send(report(1)).expect(201);
    expect(ingested.headers[RYW]).toBe('timeout');
    expect(ingested.body).toMatchObject({ readYourWrites: 'timeout', factIds: [expect.any(String)] });
    expect(ingested.headers.etag).toBe('"2"');
    expect(await counted(api, 'timeout')).toBe(before + 2);
  });
});
