import { Injectable } from '@nestjs/common';
import { ProjectionsOverview } from '@storyline/host';
import { TimelineReader } from '@storyline/projections';
import { SubscriptionMetrics } from '@storyline/subscriptions';
import { collectDefaultMetrics, Counter, Gauge, register, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { HttpMetrics } from './http-metrics';

/** What node-postgres' Pool tells about itself. */
interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options?: { readonly max?: number };
}

/** The default Node metrics go to prom-client's process-wide registry, once per process. */
function collectProcessMetricsOnce(): void {
  if (!register.getSingleMetric('process_cpu_seconds_total')) collectDefaultMetrics();
}

/**
 * Everything `GET /metrics` exposes: this app's own gauges (log head, projections, projector
 * leadership, view cache, the read models' connection pool), read when scraped; its HTTP
 * metrics; and the process-wide registry (Node's default metrics, and the append,
 * projection and read-your-writes histograms the storage layer records).
 */
@Injectable()
export class StorylineMetrics {
  private readonly own = new Registry();

  constructor(
    private readonly http: HttpMetrics,
    private readonly overview: ProjectionsOverview,
    private readonly timelines: TimelineReader,
    private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionMetrics,
  ) {
    collectProcessMetricsOnce();
    this.projectionGauges();
    this.cacheMetrics();
    this.poolGauges();
  }

  get contentType(): string {
    return register.contentType;
  }

  async render(): Promise<string> {
    const text = await Registry.merge([register, this.own, this.http.registry]).metrics();
    // The followers' figures come from their tables as ready Prometheus lines.
    const followers = await this.subscriptions.render();
    return followers.length > 0 ? `${text.replace(/\n*$/, '\n')}${followers.join('\n')}\n` : text;
  }

  private projectionGauges(): void {
    const registers = [this.own];
    const overview = this.overview;
    let reading: ReturnType<ProjectionsOverview['read']> | null = null;
    // One read of the overview per scrape, shared by the gauges below.
    const read = () => (reading ??= overview.read().finally(() => setImmediate(() => (reading = null))));
    new Gauge({ name: 'storyline_log_head_position', help: 'Position of the newest event in the global log.', registers, async collect() {
      this.set((await read()).head);
    } });
    new Gauge({ name: 'storyline_projection_checkpoint_position', help: 'The log position each projection has applied.', labelNames: ['projection'] as const, registers, async collect() {
      for (const projection of (await read()).projections) this.set({ projection: projection.name }, projection.checkpoint);
    } });
    new Gauge({ name: 'storyline_projection_lag_events', help: 'Events in the log that each projection has not applied yet.', labelNames: ['projection'] as const, registers, async collect() {
      for (const projection of (await read()).projections) this.set({ projection: projection.name }, projection.lag);
    } });
    new Gauge({ name: 'storyline_projector_leader', help: '1 when this process leads the projector.', registers, async collect() {
      this.set((await read()).projector.leader ? 1 : 0);
    } });
    new Gauge({ name: 'storyline_projector_failed', help: "1 when this process's projector stopped on an event it could not apply.", registers, async collect() {
      this.set((await read()).projector.runner === 'failed' ? 1 : 0);
    } });
  }

  private cacheMetrics(): void {
    const registers = [this.own];
    const timelines = this.timelines;
    let counted = { hits: 0, misses: 0 };
    const advance = (name: 'hits' | 'misses', counter: Counter) => {
      const now = timelines.cacheStats[name];
      counter.inc(Math.max(0, now - counted[name]));
      counted = { ...counted, [name]: now };
    };
    new Counter({ name: 'storyline_view_cache_hits_total', help: 'Timeline views answered from memory.', registers, collect() {
      advance('hits', this);
    } });
    new Counter({ name: 'storyline_view_cache_misses_total', help: 'Timeline views read from the tables.', registers, collect() {
      advance('misses', this);
    } });
    new Gauge({ name: 'storyline_view_cache_views', help: 'Timeline views kept in memory.', registers, collect() {
      this.set(timelines.cacheStats.size);
    } });
  }

  private poolGauges(): void {
    const registers = [this.own];
    const pool = () => (this.dataSource.driver as unknown as { master?: PoolCounts }).master;
    new Gauge({ name: 'storyline_db_pool_connections', help: "The read models' PostgreSQL pool: connections by state (busy, idle) and requests waiting for one.", labelNames: ['state'] as const, registers, collect() {
      const counts = pool();
      if (!counts) return;
      this.set({ state: 'busy' }, counts.totalCount - counts.idleCount);
      this.set({ state: 'idle' }, counts.idleCount);
      this.set({ state: 'waiting' }, counts.waitingCount);
    } });
    new Gauge({ name: 'storyline_db_pool_max_connections', help: "The most connections the read models' PostgreSQL pool opens.", registers, collect() {
      const max = pool()?.options?.max;
      if (max !== undefined) this.set(max);
    } });
  }
}
