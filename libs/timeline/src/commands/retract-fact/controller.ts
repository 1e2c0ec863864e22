import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { FactChanged, factParams, retractionBody, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import type { Request, Response } from 'express';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import { factIdFromParam } from '../../http/fact-ref';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { RetractFactCommand } from './command';
import { parseRetraction } from './request';

/** The outlet withdrew a fact: 201 when it was recorded, 200 when the fact already was as asked (nothing appended). */
@ApiTags('facts')
@Controller('facts/:fact')
export class RetractFactController {
  constructor(private readonly commands: CommandBus) {}

  @Post('retractions')
  @ApiContract({ operationId: 'retractFact', summary: 'Record that the outlet withdrew a fact', params: factParams, headers: writeHeaders, body: { schema: retractionBody }, ok: [{ status: 201, description: 'the retraction was recorded', schema: FactChanged, headers: WRITE_HEADERS }, { status: 200, description: 'nothing appended: it already was so', schema: FactChanged, headers: WRITE_HEADERS }], errors: { 404: 'no such fact (FACT.NOT_FOUND)', 409: 'the fact was retracted (FACT.RETRACTED)', 412: 'the story moved on since If-Match (STORY.VERSION_STALE)' } })
  async retract(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    const retraction = parseRetraction(body);
    const answer = await this.commands.execute(new RetractFactCommand(factIdFromParam(fact), retraction, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
