import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import { FACT_CHANGES_SCHEMA } from '../../http/api-models';
import { factIdFromParam } from '../../http/fact-ref';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { CorrectFactCommand } from './command';
import { parseCorrection } from './request';

/** The outlet's correction of what it reported: 201 when it was recorded, 200 when the fact already was as asked (nothing appended). */
@ApiTags('facts')
@Controller('facts/:fact')
export class CorrectFactController {
  constructor(private readonly commands: CommandBus) {}

  @Post('corrections')
  @ApiBody({ schema: { type: 'object', required: ['changes', 'reason', 'correctedAt'], properties: { changes: FACT_CHANGES_SCHEMA, reason: { type: 'string' }, correctedAt: { type: 'string', format: 'date-time' }, reportId: { type: 'string', format: 'uuid' } } }, description: 'the outlet corrected what it reported' })
  async correct(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    const correction = parseCorrection(body);
    const answer = await this.commands.execute(new CorrectFactCommand(factIdFromParam(fact), correction, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
