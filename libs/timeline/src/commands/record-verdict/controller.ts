import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { FactChanged, factParams, verdictBody, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import type { Request, Response } from 'express';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import { factIdFromParam } from '../../http/fact-ref';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { RecordVerdictCommand } from './command';
import { parseVerdict } from './request';

/** An analyst's verdict on a fact; a later one supersedes: 201 when it was recorded, 200 when the fact already was as asked (nothing appended). */
@ApiTags('facts')
@Controller('facts/:fact')
export class RecordVerdictController {
  constructor(private readonly commands: CommandBus) {}

  @Post('verdicts')
  @ApiContract({ operationId: 'recordVerdict', summary: "Record an analyst's verdict on a fact (a later one supersedes)", params: factParams, headers: writeHeaders, body: { schema: verdictBody }, ok: [{ status: 201, description: 'the verdict was recorded', schema: FactChanged, headers: WRITE_HEADERS }, { status: 200, description: 'nothing appended: it already was so', schema: FactChanged, headers: WRITE_HEADERS }], errors: { 404: 'no such fact (FACT.NOT_FOUND)', 409: 'the fact was retracted (FACT.RETRACTED)', 412: 'the story moved on since If-Match (STORY.VERSION_STALE)' } })
  async verdict(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    const verdict = parseVerdict(body);
    const answer = await this.commands.execute(new RecordVerdictCommand(factIdFromParam(fact), verdict, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
