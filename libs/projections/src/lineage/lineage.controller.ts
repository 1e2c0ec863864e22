import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract, parseWith } from '@storyline/api-contract';
import { FactLineage as FactLineageSchema, lineageParams, lineageQuery } from './schema';
import type { FactLineage } from './lineage.reader';
import { GetFactLineageQuery } from './get-lineage.query';
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
  @ApiContract({
    operationId: 'getFactLineage',
    summary: "One fact's history: first report, repeats, amendments, corrections, retraction, links, verdicts",
    params: lineageParams,
    query: lineageQuery,
    ok: { schema: FactLineageSchema },
    errors: { 404: 'no such fact (FACT.NOT_FOUND)' },
  })
  async get(@Param('fact') fact: string, @Query() query: Record<string, unknown>): Promise<FactLineage> {
    const { fact: id } = parseWith(lineageParams, { fact });
    return this.queries.execute(new GetFactLineageQuery(id.toLowerCase(), parseAsOf(query)));
  }
}
