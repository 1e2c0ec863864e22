import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { read } from '@storyline/story-events';
import { storyParams } from '../http/schema';
import { ListSourceAliasProposalsQuery, type SourceAliasProposalView } from './list-source-alias-proposals.query';
import { ALIAS_PROPOSAL_STATUSES as STATUSES, aliasProposalsQuery, SourceAliasProposals } from './schema';

/** The analyst's queue of source aliases proposed across reports. (Answering one is a write: libs/timeline.) */
@ApiTags('sources')
@Controller('stories/:story/source-alias-proposals')
export class SourceAliasProposalsQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiContract({
    operationId: 'listSourceAliasProposals',
    summary: "A story's queue of source aliases proposed across its reports, in the order proposed",
    params: storyParams,
    query: aliasProposalsQuery,
    ok: { schema: SourceAliasProposals },
    errors: { 404: 'no such story (STORY.NOT_FOUND)' },
  })
  list(@Param('story') ref: string, @Query('status') status: string | undefined): Promise<{ proposals: SourceAliasProposalView[] }> {
    const wanted = status === undefined ? undefined : read.oneOf(status, 'status', STATUSES);
    return this.queries.execute(new ListSourceAliasProposalsQuery(ref, wanted));
  }
}
