import { Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { ProjectionsOverview as ProjectionsOverviewSchema, RebuildSnapshot as RebuildSnapshotSchema, RebuildStarted, projectionParams, rebuildParams } from '../http/schema';
import { RequireRole } from '@storyline/access';
import { ProjectionsOverview, type ProjectionsOverviewAnswer } from '@storyline/host';
import { Rebuilds, UnknownRebuildError, type RebuildSnapshot } from '@storyline/projections';
import { RebuildErrorsFilter } from './rebuild-errors.filter';

/** Where the read models are, and rebuilding them from position 0 while the API keeps answering. */
@ApiTags('operations')
@Controller('projections')
@UseFilters(RebuildErrorsFilter)
export class ProjectionsController {
  constructor(
    private readonly overview: ProjectionsOverview,
    private readonly rebuilds: Rebuilds,
  ) {}

  @Get()
  @ApiContract({ operationId: 'listProjections', summary: "Each projection's checkpoint, lag, status and latest rebuild", ok: { schema: ProjectionsOverviewSchema } })
  list(): Promise<ProjectionsOverviewAnswer> {
    return this.overview.read();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiContract({
    operationId: 'rebuildProjection',
    summary: 'Rebuild a projection from position 0 beside the live tables',
    description: 'Follow it at GET /projections or GET /projections/rebuilds/{rebuildId}.',
    params: projectionParams,
    ok: { status: 202, description: 'the rebuild started', schema: RebuildStarted },
    errors: { 404: 'no projection has that name (the message lists the known ones)', 409: 'a rebuild of that projection is already running' },
  })
  async rebuild(@Param('name') name: string): Promise<{ rebuildId: string }> {
    const rebuild = await this.rebuilds.start([name]);
    return { rebuildId: rebuild.id };
  }

  @Get('rebuilds/:id')
  @ApiContract({
    operationId: 'getRebuild',
    summary: "One rebuild's progress: state, position, head, events/s, ETA",
    params: rebuildParams,
    ok: { schema: RebuildSnapshotSchema },
    errors: { 404: 'no rebuild with that id ran in this process' },
  })
  rebuildProgress(@Param('id') id: string): RebuildSnapshot {
    const rebuild = this.rebuilds.get(id);
    if (!rebuild) throw new UnknownRebuildError(id);
    return rebuild.snapshot();
  }
}
