import { startApi, type ApiHarness } from './harness';

/** The value of the one sample of `name` with exactly these labels (`''` for none). */
function sample(text: string, name: string, labelSet = ''): number | undefined {
  const prefix = labelSet ? `${name}{${labelSet}} ` : `${name} `;
  const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

describe('GET /metrics', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    await api.http().post('/stories').send({ slug: 'metered', title: 'Metered' }).expect(201);
    await api.http().post('/stories/metered/reports').send({ outlet: 'Example Wire', publishedAt: '2025-11-20', text: 'The envoy met a minister.', facts: [{ statement: 'The envoy met a minister', evidence: { quote: 'The envoy met a minister' } }] }).expect(201);
    await api.http().get('/stories/metered/timeline').expect(200);
    await api.http().get('/stories/metered/timeline').expect(200);
    await api.http().get('/stories/nothing-here/timeline').expect(404);
  });
  afterAll(() => api.close());

  it('answers scrapers without a key, in Prometheus text, with the log and projections as /health sees them', async () => {
    const response = await api.anonymous().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const health = (await api.anonymous().get('/health').expect(200)).body;
    expect(sample(response.text, 'storyline_log_head_position')).toBe(health.head);
    expect(sample(response.text, 'storyline_projection_checkpoint_position', 'projection="timeline"')).toBe(health.head);
    expect(sample(response.text, 'storyline_projection_lag_events', 'projection="timeline"')).toBe(0);
    expect(sample(response.text, 'storyline_projector_leader')).toBe(1);
    expect(response.text).toMatch(/^# TYPE storyline_http_request_duration_seconds histogram$/m);
  });

  it('counts requests by route pattern and status, and the view cache', async () => {
    const text = (await api.anonymous().get('/metrics').expect(200)).text;
    const timeline = 'method="GET",route="/stories/:story/timeline"';
    expect(sample(text, 'storyline_http_requests_total', `${timeline},status="200"`)).toBe(2);
    expect(sample(text, 'storyline_http_requests_total', `${timeline},status="404"`)).toBe(1);
    expect(sample(text, 'storyline_http_requests_total', 'method="POST",route="/stories",status="201"')).toBe(1);
    expect(sample(text, 'storyline_view_cache_hits_total')).toBe(1);
    expect(sample(text, 'storyline_view_cache_misses_total')).toBe(1);
  });
});
