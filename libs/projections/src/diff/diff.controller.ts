import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { StoryDiff } from './diff.reader';
import { GetStoryDiffQuery } from './get-story-diff.query';
import { invalid } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { parseAsOf } from '../http/as-of';

/** What changed in a story between two instants on one clock. */
@ApiTags('timeline')
@Controller('stories/:story/diff')
export class DiffController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiQuery({ name: 'from', required: true, description: 'ISO-8601 instant (exclusive)' })
  @ApiQuery({ name: 'to', required: true, description: 'ISO-8601 instant (inclusive)' })
  @ApiQuery({ name: 'clock', required: false, enum: ['reported', 'recorded'], description: 'default reported' })
  @ApiQuery({ name: 'atPosition', required: false })
  @ApiOkResponse({ description: '{from, to, clock, position, added, corrected, retracted, contradicted}' })
  async diff(@Param('story') ref: string, @Query() query: Record<string, unknown>): Promise<StoryDiff> {
    if (query.from === undefined) throw invalid('from', 'is required');
    if (query.to === undefined) throw invalid('to', 'is required');
    const from = new Date(read.instant(query.from, 'from'));
    const to = new Date(read.instant(query.to, 'to'));
    if (from >= to) throw invalid('to', `must be after from (${from.toISOString()})`);
    const clock = query.clock === undefined ? 'reported' : read.oneOf(query.clock, 'clock', ['reported', 'recorded'] as const);
    const { atPosition } = parseAsOf({ atPosition: query.atPosition });
    return this.queries.execute(new GetStoryDiffQuery(ref, { from, to, clock, atPosition }));
  }
}
