import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseAsOf } from '../http/as-of';
import { GetClaimsQuery, GetKeyDevelopmentsQuery, type ClaimsView, type DevelopmentsView } from './get-claims.query';

const AS_OF_PARAMS = [
  { name: 'asOf', required: false, description: 'ISO-8601 instant: only facts known by then on `clock`' },
  { name: 'clock', required: false, enum: ['reported', 'recorded'], description: 'which clock asOf filters on (default reported)' },
  { name: 'atPosition', required: false, description: 'reproduce the view at this global log position (from an earlier answer)' },
];

function AsOfQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const param of AS_OF_PARAMS) ApiQuery(param)(target, key, descriptor);
  };
}

/** What several reports state alike (claims), and the story read as its key developments. */
@ApiTags('claims')
@Controller('stories/:story')
export class ClaimsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('claims')
  @AsOfQueries()
  @ApiOkResponse({
    description:
      '{story, position, rules: {name, version}, rebuildNeeded, claims: [{id, statement, occurred: {day, rule}, firstReport: {reportId, outlet, reportedAt}, outlets, reports, members: [{factId, reportId, outlet, reportedAt, role, rule, score, statement, extractor, rules}], contradictedBy, rules}]}',
  })
  claims(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<ClaimsView> {
    return this.queries.execute(new GetClaimsQuery(story, parseAsOf(query)));
  }

  @Get('developments')
  @AsOfQueries()
  @ApiOkResponse({
    description:
      '{story, position, rules: {name, version}, rebuildNeeded, ranking: {name, version}, days: [{day, rank, score, laterMentions, claims}], developments: [{claimId, day, dayRule: occurred-day|first-reported, rank, statement, outlets, outletCount, reportCount, firstReport, reports, contradictedBy, rules}], background, templates}',
  })
  developments(@Param('story') story: string, @Query() query: Record<string, unknown>): Promise<DevelopmentsView> {
    return this.queries.execute(new GetKeyDevelopmentsQuery(story, parseAsOf(query)));
  }
}
