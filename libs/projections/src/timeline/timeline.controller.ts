import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { parseAsOf, parseOrder } from '../http/as-of';
import { asOfQuery, storyParams } from '../http/schema';
import { GetSourceLedgerQuery, type SourceLedgerView } from '../source-ledger/get-source-ledger.query';
import { GetTimelineQuery, type TimelineView } from './get-timeline.query';
import { SourceLedger, Timeline, timelineQuery } from './schema';
import { parseTimelinePage } from './timeline-page';

const NOT_FOUND = { 404: 'no such story (STORY.NOT_FOUND)' };

@ApiTags('timeline')
@Controller('stories/:story')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get('timeline')
  @ApiContract({
    operationId: 'getTimeline',
    summary: "A story's timeline, as of any view, paged",
    description: 'SPEC API v1. Follow `next` as `cursor` for the following page of the same view.',
    params: storyParams,
    query: timelineQuery,
    ok: { schema: Timeline },
    errors: NOT_FOUND,
  })
  timeline(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<TimelineView> {
    const { order, view, paging } = parseTimelinePage(query, parseOrder(query), parseAsOf(query));
    return this.queries.execute(new GetTimelineQuery(story, order, view, paging));
  }

  @Get('sources')
  @ApiContract({
    operationId: 'getSourceLedger',
    summary: 'Who reported what, when: the source ledger',
    params: storyParams,
    query: asOfQuery,
    ok: { schema: SourceLedger },
    errors: NOT_FOUND,
  })
  sources(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<SourceLedgerView> {
    return this.queries.execute(new GetSourceLedgerQuery(story, parseAsOf(query)));
  }
}
