import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract, parseWith } from '@storyline/api-contract';
import { storyParams } from '../http/schema';
import { LinkProposals, linkProposalsQuery } from './schema';
import { ListLinkProposalsQuery, type LinkProposalView } from './list-link-proposals.query';


/** The analyst's queue of links the extractor proposed. (Answering one is a write: libs/timeline.) */
@ApiTags('facts')
@Controller('stories/:story/link-proposals')
export class LinkProposalsQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiContract({
    operationId: 'listLinkProposals',
    summary: "The analyst's queue of links the extractor proposed",
    params: storyParams,
    query: linkProposalsQuery,
    ok: { schema: LinkProposals },
    errors: { 404: 'no such story (STORY.NOT_FOUND)' },
  })
  list(@Param('story') ref: string, @Query('status') status: unknown): Promise<{ proposals: LinkProposalView[] }> {
    const wanted = parseWith(linkProposalsQuery, { status }).status;
    return this.queries.execute(new ListLinkProposalsQuery(ref, wanted));
  }
}
