import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { storyParams } from '../http/schema';
import { diffQuery, StoryDiff as StoryDiffSchema } from './schema';
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
  @ApiContract({
    operationId: 'getStoryDiff',
    summary: 'What changed in a story between two instants on one clock',
    params: storyParams,
    query: diffQuery,
    ok: { schema: StoryDiffSchema },
    errors: { 404: 'no such story (STORY.NOT_FOUND)' },
  })
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
