import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { read } from '@storyline/story-events';
import { ListLinkProposalsQuery, type LinkProposalView } from './list-link-proposals.query';

const STATUSES = ['proposed', 'accepted', 'rejected'] as const;

/** The analyst's queue of links the extractor proposed. (Answering one is a write: libs/timeline.) */
@ApiTags('facts')
@Controller('stories/:story/link-proposals')
export class LinkProposalsQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiOkResponse({ description: '{proposals: [{linkId, fromFactId, toFactId, kind, reason, status}]}, the best first' })
  list(@Param('story') ref: string, @Query('status') status: string | undefined): Promise<{ proposals: LinkProposalView[] }> {
    const wanted = status === undefined ? undefined : read.oneOf(status, 'status', STATUSES);
    return this.queries.execute(new ListLinkProposalsQuery(ref, wanted));
  }
}
