import { HttpMetrics } from './http-metrics';

describe('HttpMetrics', () => {
  it('counts requests by method, route and status, and buckets their durations cumulatively', async () => {
    const metrics = new HttpMetrics();
    metrics.record({ method: 'GET', route: '/stories/:story/timeline', status: 200, seconds: 0.004 });
    metrics.record({ method: 'GET', route: '/stories/:story/timeline', status: 200, seconds: 0.3 });
    metrics.record({ method: 'GET', route: '/stories/:story/timeline', status: 404, seconds: 0.02 });
    const text = await metrics.registry.metrics();
    const route = 'method="GET",route="/stories/:story/timeline"';
    expect(text).toContain(`storyline_http_requests_total{${route},status="200"} 2`);
    expect(text).toContain(`storyline_http_requests_total{${route},status="404"} 1`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{le="0.005",${route}} 1`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{le="0.025",${route}} 2`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{le="0.25",${route}} 2`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{le="0.5",${route}} 3`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{le="+Inf",${route}} 3`);
    expect(text).toContain(`storyline_http_request_duration_seconds_count{${route}} 3`);
    const sum = text.split('\n').find((line) => line.startsWith(`storyline_http_request_duration_seconds_sum{${route}}`));
    expect(Number(sum?.split(' ')[1])).toBeCloseTo(0.324, 6);
  });

  it('escapes label values as the exposition format asks', async () => {
    const metrics = new HttpMetrics();
    metrics.record({ method: 'GET', route: 'a"b\\c\nd', status: 200, seconds: 0.001 });
    expect(await metrics.registry.metrics()).toContain('route="a\\"b\\\\c\\nd"');
  });

  it('counts open event streams and how long closed ones lasted', async () => {
    const metrics = new HttpMetrics();
    metrics.streamOpened();
    metrics.streamOpened();
    metrics.streamClosed(12);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^storyline_sse_connections 1$/m);
    expect(text).toMatch(/^storyline_sse_connection_duration_seconds_bucket\{le="15"\} 1$/m);
    expect(text).toMatch(/^storyline_sse_connection_duration_seconds_bucket\{le="5"\} 0$/m);
  });
});
