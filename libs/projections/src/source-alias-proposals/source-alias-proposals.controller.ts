import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { read } from '@storyline/story-events';
import { ListSourceAliasProposalsQuery, type SourceAliasProposalView } from './list-source-alias-proposals.query';

const STATUSES = ['proposed', 'accepted', 'rejected'] as const;

/** The analyst's queue of source aliases proposed across reports. (Answering one is a write: libs/timeline.) */
@ApiTags('sources')
@Controller('stories/:story/source-alias-proposals')
export class SourceAliasProposalsQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiOkResponse({ description: '{proposals: [{proposalId, alias, canonical, rule, rules, score, evidenceFactIds, status}]}, in the order proposed' })
  list(@Param('story') ref: string, @Query('status') status: string | undefined): Promise<{ proposals: SourceAliasProposalView[] }> {
    const wanted = status === undefined ? undefined : read.oneOf(status, 'status', STATUSES);
    return this.queries.execute(new ListSourceAliasProposalsQuery(ref, wanted));
  }
}
