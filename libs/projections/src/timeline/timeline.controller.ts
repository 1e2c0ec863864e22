import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseAsOf, parseOrder } from '../http/as-of';
import { GetSourceLedgerQuery, type SourceLedgerView } from '../source-ledger/get-source-ledger.query';
import { GetTimelineQuery, type TimelineView } from './get-timeline.query';

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
  @ApiOkResponse({ description: '{story, position, entries: [...]} (SPEC API v1)' })
  timeline(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<TimelineView> {
    return this.queries.execute(new GetTimelineQuery(story, parseOrder(query), parseAsOf(query)));
  }

  @Get('sources')
  @AsOfQueries()
  @ApiOkResponse({ description: '{position, sources: [{name, reports, facts}]}: who reported what, when' })
  sources(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<SourceLedgerView> {
    return this.queries.execute(new GetSourceLedgerQuery(story, parseAsOf(query)));
  }
}
