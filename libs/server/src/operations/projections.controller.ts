import { Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ description: "each projection's checkpoint, the log head, the lag, its status and its latest rebuild; and whether this instance leads the projector" })
  list(): Promise<ProjectionsOverviewAnswer> {
    return this.overview.read();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiAcceptedResponse({ description: 'the rebuild started beside the live tables; follow it at GET /projections or GET /projections/rebuilds/{rebuildId}' })
  @ApiNotFoundResponse({ description: 'no projection has that name (the message lists the known ones)' })
  @ApiConflictResponse({ description: 'a rebuild of that projection is already running' })
  async rebuild(@Param('name') name: string): Promise<{ rebuildId: string }> {
    const rebuild = await this.rebuilds.start([name]);
    return { rebuildId: rebuild.id };
  }

  @Get('rebuilds/:id')
  @ApiOkResponse({ description: "one rebuild's progress: state, position, head, events/s, ETA" })
  @ApiNotFoundResponse({ description: 'no rebuild with that id ran in this process' })
  rebuildProgress(@Param('id') id: string): RebuildSnapshot {
    const rebuild = this.rebuilds.get(id);
    if (!rebuild) throw new UnknownRebuildError(id);
    return rebuild.snapshot();
  }
}
