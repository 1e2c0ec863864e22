import { Counter, Histogram, register, type CounterConfiguration, type HistogramConfiguration } from 'prom-client';

/** Upper bounds for short waits, in seconds: 1 ms to 10 s. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Upper bounds for how many events a batch held. */
export const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];
/** Upper bounds for how old an event was when the read models applied it, in seconds. */
export const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

// The instruments live in prom-client's default registry, once per process whatever creates
// them first (the API, the projector, several apps in one test process).
function histogram<T extends string>(config: HistogramConfiguration<T>): Histogram<T> {
  return (register.getSingleMetric(config.name) as Histogram<T> | undefined) ?? new Histogram(config);
}

function counter<T extends string>(config: CounterConfiguration<T>): Counter<T> {
  return (register.getSingleMetric(config.name) as Counter<T> | undefined) ?? new Counter(config);
}

/** What the event store, the projector and read-your-writes report, for `GET /metrics`. */
export const instruments = {
  appendSeconds: histogram({
    name: 'storyline_append_duration_seconds',
    help: 'Time to append one batch of events to a stream, by outcome (ok, conflict, error).',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
  }),
  appendBatchEvents: histogram({
    name: 'storyline_append_batch_events',
    help: 'Events per append (one command\'s events, appended atomically).',
    buckets: BATCH_BUCKETS,
  }),
  projectionApplySeconds: histogram({
    name: 'storyline_projection_apply_duration_seconds',
    help: 'Time to apply one batch of events to every read model and commit it with the checkpoints.',
    buckets: LATENCY_BUCKETS,
  }),
  projectionBatchEvents: histogram({
    name: 'storyline_projection_batch_events',
    help: 'Events per batch the projector applied in one transaction.',
    buckets: BATCH_BUCKETS,
  }),
  projectionLagSeconds: histogram({
    name: 'storyline_projection_lag_seconds',
    help: 'How long after it was recorded each batch\'s newest event reached the read models.',
    buckets: LAG_BUCKETS,
  }),
  readYourWritesSeconds: histogram({
    name: 'storyline_read_your_writes_wait_seconds',
    help: 'How long a write waited for the read models to show it, by outcome (seen, gave_up).',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
  }),
  readYourWritesGiveUps: counter({
    name: 'storyline_read_your_writes_give_ups_total',
    help: 'Writes that answered before the read models showed them (STORYLINE_READ_YOUR_WRITES_MS ran out, or the projector failed).',
  }),
};
