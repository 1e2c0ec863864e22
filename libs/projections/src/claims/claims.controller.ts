import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { asOfQuery, storyParams } from '../http/schema';
import { Claims, Developments } from './schema';
import { parseAsOf } from '../http/as-of';
import { GetClaimsQuery, GetKeyDevelopmentsQuery, type ClaimsView, type DevelopmentsView } from './get-claims.query';

/** What several reports state alike (claims), and the story read as its key developments. */
@ApiTags('claims')
@Controller('stories/:story')
export class ClaimsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('claims')
  @ApiContract({ operationId: 'getClaims', summary: 'What several reports state alike: the claims', params: storyParams, query: asOfQuery, ok: { schema: Claims }, errors: { 404: 'no such story (STORY.NOT_FOUND)' } })
  claims(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<ClaimsView> {
    return this.queries.execute(new GetClaimsQuery(story, parseAsOf(query)));
  }

  @Get('developments')
  @ApiContract({
    operationId: 'getKeyDevelopments',
    summary: 'The story read as its key developments',
    params: storyParams,
    query: asOfQuery,
    ok: { schema: Developments },
    errors: { 404: 'no such story (STORY.NOT_FOUND)' },
  })
  developments(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<DevelopmentsView> {
    return this.queries.execute(new GetKeyDevelopmentsQuery(story, parseAsOf(query)));
  }
}
