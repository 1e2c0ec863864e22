import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseAsOf, parseOrder } from '../http/as-of';
import { GetSourceLedgerQuery, type SourceLedgerView } from '../source-ledger/get-source-ledger.query';
import { GetTimelineQuery, type TimelineView } from './get-timeline.query';
import { DEFAULT_TIMELINE_PAGE, MAX_TIMELINE_PAGE, parseTimelinePage } from './timeline-page';

const AS_OF_PARAMS = [
  { name: 'asOf', required: false, description: 'ISO-8601 instant: show only what was known by then on `clock`' },
  { name: 'clock', required: false, enum: ['reported', 'recorded'], description: 'which clock asOf filters on (default reported)' },
  { name: 'atPosition', required: false, description: 'reproduce the view at this global log position (from an earlier answer)' },
];

function AsOfQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const param of AS_OF_PARAMS) ApiQuery(param)(target, key, descriptor);
  };
}

@ApiTags('timeline')
@Controller('stories/:story')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get('timeline')
  @ApiQuery({ name: 'order', required: false, enum: ['reported', 'occurred', 'recorded'] })
  @AsOfQueries()
  @ApiQuery({ name: 'limit', required: false, description: `entries per page, 1 to ${MAX_TIMELINE_PAGE} (default ${DEFAULT_TIMELINE_PAGE})` })
  @ApiQuery({ name: 'cursor', required: false, description: "an earlier page's `next`: the following page of the same view, at the same position" })
  @ApiOkResponse({ description: '{story, position, entries: [...], links, total, next} (SPEC API v1, paged: follow `next` as `cursor`)' })
  timeline(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<TimelineView> {
    const { order, view, paging } = parseTimelinePage(query, parseOrder(query), parseAsOf(query));
    return this.queries.execute(new GetTimelineQuery(story, order, view, paging));
  }

  @Get('sources')
  @AsOfQueries()
  @ApiOkResponse({ description: '{position, sources: [{name, reports, facts}]}: who reported what, when' })
  sources(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<SourceLedgerView> {
    return this.queries.execute(new GetSourceLedgerQuery(story, parseAsOf(query)));
  }
}
