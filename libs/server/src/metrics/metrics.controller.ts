import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@storyline/access';
import { ProjectionsOverview } from '@storyline/host';
import { TimelineReader } from '@storyline/projections';
import { SubscriptionMetrics } from '@storyline/subscriptions';
import { HttpMetrics, labels } from './http-metrics';

const PROCESS_STARTED = Date.now() / 1000 - process.uptime();

/** One gauge or counter family with its help and type lines. */
function family(name: string, type: 'gauge' | 'counter', help: string, samples: readonly [string, number][]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples.map(([labelSet, value]) => `${name}${labelSet ? `{${labelSet}}` : ''} ${value}`)];
}

/**
 * Prometheus text for scrapers: the log head, each projection's checkpoint and lag, projector
 * leadership, the view cache, HTTP traffic and the process. Public like /health: it holds
 * positions and counts, no story content.
 */
@ApiTags('operations')
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly http: HttpMetrics,
    private readonly overview: ProjectionsOverview,
    private readonly timelines: TimelineReader,
    private readonly subscriptions: SubscriptionMetrics,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4' })
  async metrics(): Promise<string> {
    const { head, projector, projections } = await this.overview.read();
    const cache = this.timelines.cacheStats;
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    return [
      ...family('storyline_log_head_position', 'gauge', 'Position of the newest event in the global log.', [['', head]]),
      ...family('storyline_projection_checkpoint_position', 'gauge', 'The log position each projection has applied.', projections.map((p) => [labels({ projection: p.name }), p.checkpoint])),
      ...family('storyline_projection_lag_events', 'gauge', 'Events in the log that each projection has not applied yet.', projections.map((p) => [labels({ projection: p.name }), p.lag])),
      ...family('storyline_projector_leader', 'gauge', '1 when this process leads the projector.', [['', projector.leader ? 1 : 0]]),
      ...family('storyline_projector_failed', 'gauge', '1 when this process\'s projector stopped on an event it could not apply.', [['', projector.runner === 'failed' ? 1 : 0]]),
      ...family('storyline_view_cache_hits_total', 'counter', 'Timeline views answered from memory.', [['', cache.hits]]),
      ...family('storyline_view_cache_misses_total', 'counter', 'Timeline views read from the tables.', [['', cache.misses]]),
      ...family('storyline_view_cache_views', 'gauge', 'Timeline views kept in memory.', [['', cache.size]]),
      ...this.http.render(),
      ...(await this.subscriptions.render()),
      ...family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [['', memory.rss]]),
      ...family('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.', [['', memory.heapUsed]]),
      ...family('process_cpu_seconds_total', 'counter', 'User and system CPU time spent, in seconds.', [['', (cpu.user + cpu.system) / 1e6]]),
      ...family('process_start_time_seconds', 'gauge', 'Start time of the process since the Unix epoch, in seconds.', [['', Math.round(PROCESS_STARTED)]]),
      '',
    ].join('\n');
  }
}
