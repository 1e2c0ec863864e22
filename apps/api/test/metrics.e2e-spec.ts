import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApi, TEST_ADMIN_KEY, type ApiHarness } from './harness';

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

describe('GET /metrics: timings from the storage layer and the process', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    await api.http().post('/stories').send({ slug: 'timed', title: 'Timed' }).expect(201);
    await api.http().post('/stories/timed/reports').send({ outlet: 'Example Wire', publishedAt: '2025-11-20', text: 'The envoy met a minister.', facts: [{ statement: 'The envoy met a minister', evidence: { quote: 'The envoy met a minister' } }] }).expect(201);
  });
  afterAll(() => api.close());

  it('carries append, projection, read-your-writes and pool figures, and Node\'s default metrics', async () => {
    const text = (await api.anonymous().get('/metrics').expect(200)).text;
    expect(sample(text, 'storyline_append_duration_seconds_count', 'outcome="ok"')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'storyline_append_batch_events_count')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'storyline_projection_apply_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'storyline_projection_batch_events_sum')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'storyline_projection_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'storyline_read_your_writes_wait_seconds_count', 'outcome="seen"')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'storyline_read_your_writes_give_ups_total')).toBe(0);
    expect(sample(text, 'storyline_db_pool_connections', 'state="idle"')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'storyline_db_pool_max_connections')).toBeGreaterThan(0);
    expect(sample(text, 'storyline_sse_connections')).toBe(0);
    expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_p99_seconds gauge$/m);
    expect(text).toMatch(/^# TYPE nodejs_gc_duration_seconds histogram$/m);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('passes promtool check metrics (when promtool is installed), save prom-client\'s own gauge names', async () => {
    const promtool = process.env.PROMTOOL ?? '/usr/bin/promtool';
    if (!existsSync(promtool)) {
      console.log(`skipping the promtool check: no promtool at ${promtool} (apt-get install prometheus, or set PROMTOOL)`);
      return;
    }
    const text = (await api.anonymous().get('/metrics').expect(200)).text;
    const checked = spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    // prom-client's default metrics name three gauges nodejs_active_*_total, which promtool's linter dislikes.
    const problems = `${checked.stdout}${checked.stderr}`.split('\n').filter((line) => line && !/^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/.test(line));
    expect(problems).toEqual([]);
    expect([0, 3]).toContain(checked.status);
  });

  it('counts a replay stream while it is open, and its duration once closed', async () => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const scrape = async () => (await api.anonymous().get('/metrics').expect(200)).text;
    const request = get({ host: '127.0.0.1', port, path: '/stories/timed/replay/stream', headers: { Authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject));
    await new Promise((resolve) => response.once('data', resolve));
    expect(sample(await scrape(), 'storyline_sse_connections')).toBe(1);
    const closed = new Promise((resolve) => response.once('close', resolve));
    request.destroy();
    await closed;
    for (let tries = 0; tries < 50 && sample(await scrape(), 'storyline_sse_connections') !== 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const text = await scrape();
    expect(sample(text, 'storyline_sse_connections')).toBe(0);
    expect(sample(text, 'storyline_sse_connection_duration_seconds_count')).toBe(1);
  });
});
