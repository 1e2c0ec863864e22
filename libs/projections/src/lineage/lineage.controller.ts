import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FactLineage } from './lineage.reader';
import { GetFactLineageQuery } from './get-lineage.query';
import { invalid } from '@storyline/story-events';
import { isUuid } from '@storyline/story-events';
import { parseAsOf } from '../http/as-of';

/**
 * One fact's history in order: its first report, repeats, amendments, corrections, a
 * retraction, links and verdicts, as of any view (asOf/clock or atPosition).
 */
@ApiTags('facts')
@Controller('facts/:fact/lineage')
export class LineageController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'clock', required: false, enum: ['reported', 'recorded'] })
  @ApiQuery({ name: 'atPosition', required: false })
  @ApiOkResponse({ description: '{fact, steps: [{kind, at, reportedAt?, recordedAt, position, reportId?, actor?, reason?, relatedFactId?, linkKind?, verdict?, changes?}], position}' })
  async get(@Param('fact') fact: string, @Query() query: Record<string, unknown>): Promise<FactLineage> {
    if (!isUuid(fact)) throw invalid('fact', `must be a fact id, got "${fact.slice(0, 60)}"`);
    return this.queries.execute(new GetFactLineageQuery(fact.toLowerCase(), parseAsOf(query)));
  }
}
