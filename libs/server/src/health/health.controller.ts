import type { Position } from '@storyline/story-events';
import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { Health, Liveness, NotReady, Readiness } from '../http/schema';
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
  @ApiContract({
    operationId: 'getHealth',
    summary: 'Health: the log head, the read models, the projector and the log tail integrity',
    description: 'status is degraded when the read models are stuck or the log tail does not verify',
    open: true,
    ok: { schema: Health },
  })
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
  @ApiContract({ operationId: 'getLiveness', summary: 'Liveness: the process runs', open: true, ok: { schema: Liveness } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 while the database is unreachable, the read models are stuck, or the process shuts down. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiContract({
    operationId: 'getReadiness',
    summary: 'Readiness: database reachable, read models moving, log tail intact',
    open: true,
    ok: [{ schema: Readiness }, { status: 503, description: 'not ready: the same report, status "error" or "shutting_down"', schema: NotReady }],
  })
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
