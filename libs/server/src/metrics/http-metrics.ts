import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Upper bounds of the request-duration histogram, in seconds (Prometheus' usual spread, down to 5 ms). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Upper bounds of how long server-sent-event streams stayed open, in seconds. */
export const STREAM_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 14400];

/** What one request was, for counting. `route` is the matched route pattern, never the raw URL. */
export interface RequestSample {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/**
 * Request counts by method, route and status, durations by method and route, and the
 * server-sent-event streams, since this app started. Routes are patterns
 * (`/stories/:story/timeline`), so the label sets stay few whatever the URLs.
 */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'storyline_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'storyline_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly openStreams = new Gauge({
    name: 'storyline_sse_connections',
    help: 'Server-sent-event streams (replay/stream) open now.',
    registers: [this.registry],
  });
  private readonly streamSeconds = new Histogram({
    name: 'storyline_sse_connection_duration_seconds',
    help: 'How long each closed server-sent-event stream stayed open.',
    buckets: STREAM_BUCKETS,
    registers: [this.registry],
  });

  record({ method, route, status, seconds }: RequestSample): void {
    this.requests.inc({ method, route, status: String(status) });
    this.durations.observe({ method, route }, seconds);
  }

  streamOpened(): void {
    this.openStreams.inc();
  }

  streamClosed(seconds: number): void {
    this.openStreams.dec();
    this.streamSeconds.observe(seconds);
  }
}
