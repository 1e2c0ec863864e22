import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { amendmentBody, FactChanged, factParams, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import type { Request, Response } from 'express';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import { factIdFromParam } from '../../http/fact-ref';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { AmendFactCommand } from './command';
import { parseAmendment } from './request';

/** A fix to how Storyline recorded a fact (the report always said this): 201 when it was recorded, 200 when the fact already was as asked (nothing appended). */
@ApiTags('facts')
@Controller('facts/:fact')
export class AmendFactController {
  constructor(private readonly commands: CommandBus) {}

  @Post('amendments')
  @ApiContract({ operationId: 'amendFact', summary: 'Amend how Storyline recorded a fact (the report always said this)', params: factParams, headers: writeHeaders, body: { schema: amendmentBody }, ok: [{ status: 201, description: 'the amendment was recorded', schema: FactChanged, headers: WRITE_HEADERS }, { status: 200, description: 'nothing appended: it already was so', schema: FactChanged, headers: WRITE_HEADERS }], errors: { 404: 'no such fact (FACT.NOT_FOUND)', 409: 'the fact was retracted (FACT.RETRACTED)', 412: 'the story moved on since If-Match (STORY.VERSION_STALE)' } })
  async amend(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    const amendment = parseAmendment(body);
    const answer = await this.commands.execute(new AmendFactCommand(factIdFromParam(fact), amendment, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
