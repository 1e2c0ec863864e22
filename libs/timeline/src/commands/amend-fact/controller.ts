import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import { FACT_CHANGES_SCHEMA } from '../../http/api-models';
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
  @ApiBody({ schema: { type: 'object', required: ['changes', 'reason'], properties: { changes: FACT_CHANGES_SCHEMA, reason: { type: 'string' } } }, description: 'fix how Storyline recorded the fact (the report always said this)' })
  @ApiOkResponse({ description: '{factId, storyId, position, changed}' })
  async amend(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    const amendment = parseAmendment(body);
    const answer = await this.commands.execute(new AmendFactCommand(factIdFromParam(fact), amendment, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
