/** Upper bounds of the request-duration histogram, in seconds (Prometheus' usual spread, down to 5 ms). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface RouteTimes {
  readonly buckets: number[];
  sum: number;
  count: number;
}

/** What one request was, for counting. `route` is the matched route pattern, never the raw URL. */
export interface RequestSample {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/**
 * Request counts by method, route and status, and durations by method and route, in memory
 * since the process started. Routes are patterns (`/stories/:story/timeline`), so the label
 * sets stay few whatever the URLs.
 */
export class HttpMetrics {
  private readonly counts = new Map<string, number>();
  private readonly times = new Map<string, RouteTimes>();

  record({ method, route, status, seconds }: RequestSample): void {
    const countKey = labels({ method, route, status: String(status) });
    this.counts.set(countKey, (this.counts.get(countKey) ?? 0) + 1);
    const timeKey = labels({ method, route });
    let times = this.times.get(timeKey);
    if (!times) this.times.set(timeKey, (times = { buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    DURATION_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) times.buckets[index]++;
    });
    times.sum += seconds;
    times.count++;
  }

  /** The Prometheus text exposition of both families. */
  render(): string[] {
    const lines = [
      '# HELP storyline_http_requests_total HTTP requests answered, by method, route and status.',
      '# TYPE storyline_http_requests_total counter',
      ...[...this.counts].map(([key, count]) => `storyline_http_requests_total{${key}} ${count}`),
      '# HELP storyline_http_request_duration_seconds Time to answer an HTTP request, by method and route.',
      '# TYPE storyline_http_request_duration_seconds histogram',
    ];
    for (const [key, times] of this.times) {
      DURATION_BUCKETS.forEach((bound, index) => lines.push(`storyline_http_request_duration_seconds_bucket{${key},le="${bound}"} ${times.buckets[index]}`));
      lines.push(`storyline_http_request_duration_seconds_bucket{${key},le="+Inf"} ${times.count}`);
      lines.push(`storyline_http_request_duration_seconds_sum{${key}} ${times.sum}`);
      lines.push(`storyline_http_request_duration_seconds_count{${key}} ${times.count}`);
    }
    return lines;
  }
}

/** `name="value"` pairs, values escaped as the exposition format asks. */
export function labels(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`)
    .join(',');
}
