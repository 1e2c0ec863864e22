import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { MetricsText } from '../http/schema';
import { PublicRoute } from '@storyline/access';
import type { Response } from 'express';
import { StorylineMetrics } from './storyline-metrics';

/**
 * Prometheus text for scrapers: the log head, each projection's checkpoint and lag, projector
 * leadership, the view cache, HTTP traffic, appends, projector batches, read-your-writes
 * waits, event streams, the connection pool, and Node's own metrics. Public like /health:
 * it holds positions, counts and timings, no story content.
 */
@ApiTags('operations')
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly exposition: StorylineMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiContract({ operationId: 'getMetrics', summary: 'Prometheus metrics', open: true, ok: { schema: MetricsText, contentType: 'text/plain' } })
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const text = await this.exposition.render();
    response.setHeader('Content-Type', this.exposition.contentType);
    return text;
  }
}
