import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
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
  @ApiBody({ schema: { type: 'object', required: ['verdict', 'reason'], properties: { verdict: { type: 'string', enum: ['confirmed', 'disputed', 'unverified'] }, reason: { type: 'string' } } }, description: "an analyst's verdict; a later one supersedes" })
  async verdict(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    const verdict = parseVerdict(body);
    const answer = await this.commands.execute(new RecordVerdictCommand(factIdFromParam(fact), verdict, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
