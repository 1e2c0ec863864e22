import { HttpMetrics, labels } from './http-metrics';

describe('HttpMetrics', () => {
  it('counts requests by method, route and status, and buckets their durations cumulatively', () => {
    const metrics = new HttpMetrics();
    metrics.record({ method: 'GET', route: '/stories/:story/timeline', status: 200, seconds: 0.004 });
    metrics.record({ method: 'GET', route: '/stories/:story/timeline', status: 200, seconds: 0.3 });
    metrics.record({ method: 'GET', route: '/stories/:story/timeline', status: 404, seconds: 0.02 });
    const text = metrics.render();
    const route = 'method="GET",route="/stories/:story/timeline"';
    expect(text).toContain(`storyline_http_requests_total{${route},status="200"} 2`);
    expect(text).toContain(`storyline_http_requests_total{${route},status="404"} 1`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{${route},le="0.005"} 1`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{${route},le="0.025"} 2`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{${route},le="0.25"} 2`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{${route},le="0.5"} 3`);
    expect(text).toContain(`storyline_http_request_duration_seconds_bucket{${route},le="+Inf"} 3`);
    expect(text).toContain(`storyline_http_request_duration_seconds_count{${route}} 3`);
    const sum = text.find((line) => line.startsWith(`storyline_http_request_duration_seconds_sum{${route}}`));
    expect(Number(sum?.split(' ')[1])).toBeCloseTo(0.324, 6);
  });

  it('escapes label values as the exposition format asks', () => {
    expect(labels({ route: 'a"b\\c\nd' })).toBe('route="a\\"b\\\\c\\nd"');
  });
});
