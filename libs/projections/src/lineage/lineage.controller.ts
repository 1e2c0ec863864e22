import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { LineageReader, type FactLineage } from '@storyline/projections';
import { DomainError, invalid } from '@storyline/story-events';
import { isUuid } from '@storyline/story-events';
import { parseAsOf } from '../../http/as-of';

/**
 * One fact's history in order: its first report, repeats, amendments, corrections, a
 * retraction, links and verdicts, as of any view (asOf/clock or atPosition).
 */
@ApiTags('facts')
@Controller('facts/:fact/lineage')
export class LineageController {
  constructor(private readonly lineage: LineageReader) {}

  @Get()
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'clock', required: false, enum: ['reported', 'recorded'] })
  @ApiQuery({ name: 'atPosition', required: false })
  @ApiOkResponse({ description: '{fact, steps: [{kind, at, reportedAt?, recordedAt, position, reportId?, actor?, reason?, relatedFactId?, linkKind?, verdict?, changes?}], position}' })
  async get(@Param('fact') fact: string, @Query() query: Record<string, unknown>): Promise<FactLineage> {
    if (!isUuid(fact)) throw invalid('fact', `must be a fact id, got "${fact.slice(0, 60)}"`);
    const found = await this.lineage.lineage(fact.toLowerCase(), parseAsOf(query));
    if (!found) throw new DomainError('FACT.NOT_FOUND', `no fact has the id ${fact} (as of this view)`, 'fact');
    return found;
  }
}
