import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { parseAsOf } from '../http/as-of';
import { asOfQuery, storyParams } from '../http/schema';
import { GetMembershipQuery, type MembershipView } from './membership.query';
import { Membership } from './schema';

/** Which reports a story holds, and the merges, splits, moves and renames it took part in. */
@ApiTags('stories')
@Controller('stories/:story/membership')
export class MembershipController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiContract({
    operationId: 'getMembership',
    summary: 'The reports a story holds and its membership changes (merges, splits, moves, renames)',
    description: 'With asOf and clock=recorded: membership as recorded by then; with atPosition: at that global log position.',
    params: storyParams,
    query: asOfQuery,
    ok: { schema: Membership },
    errors: { 404: 'no such story (STORY.NOT_FOUND)' },
  })
  membership(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<MembershipView> {
    return this.queries.execute(new GetMembershipQuery(story, parseAsOf(query)));
  }
}
