import { positionToJson } from '@storyline/story-events';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@storyline/access';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { ProjectorHost, type ProjectorMode } from '@storyline/host';
import { ProjectionRunner } from '@storyline/projections';

@ApiTags('operations')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly projector: ProjectorHost,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'status, the log head, how far the read models have applied it, and whether this instance leads the projector' })
  async health(): Promise<{ status: 'ok' | 'degraded'; head: number; projections: { status: string; position: number }; projector: ProjectorMode; leader: boolean }> {
    const head = await this.store.headPosition();
    const position = await this.projections.checkpoint();
    const status = this.projections.state;
    return {
      status: status === 'failed' ? 'degraded' : 'ok',
      head: positionToJson(head),
      projections: { status, position: positionToJson(position) },
      projector: this.projector.mode,
      leader: this.projector.isLeader,
    };
  }
}
