import type { Position } from '@storyline/story-events';
import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@storyline/access';
import type { TailIntegrity } from '@storyline/audit';
import { ProjectorHost, type ProjectorMode } from '@storyline/host';
import type { Response } from 'express';
import { ReadinessChecks } from './readiness';

interface HealthAnswer {
  status: 'ok' | 'degraded';
  head: Position;
  projections: { status: string; position: Position; stuck: boolean };
  projector: ProjectorMode;
  leader: boolean;
  integrity: TailIntegrity;
}

@ApiTags('operations')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: ReadinessChecks,
    private readonly projector: ProjectorHost,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'status (ok, or degraded when the read models are stuck or the log tail does not verify), the log head, how far the read models have applied it, whether this instance leads the projector, and the last known integrity of the log tail' })
  @ApiServiceUnavailableResponse({ description: 'STORAGE.UNAVAILABLE: the database is unreachable' })
  async summary(): Promise<HealthAnswer> {
    const standing = await this.checks.standing();
    const integrity = await this.checks.lastIntegrity();
    return {
      status: standing.stuck || integrity.status === 'broken' ? 'degraded' : 'ok',
      head: standing.head,
      projections: { status: standing.status, position: standing.position, stuck: standing.stuck },
      projector: this.projector.mode,
      leader: this.projector.isLeader,
      integrity,
    };
  }

  /** Liveness: the process runs and its event loop answers; it never touches the database. */
  @Get('live')
  @ApiOkResponse({ description: '{status: "ok"} while the process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 while the database is unreachable, the read models are stuck, or the process shuts down. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Terminus report: {status, info, error, details} with database, projections and integrity' })
  @ApiServiceUnavailableResponse({ description: 'the same report, status "error" or "shutting_down"' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.checks.database(), () => this.checks.projections(), () => this.checks.integrity()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
