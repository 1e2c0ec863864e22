import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
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
  @ApiBody({ schema: { type: 'object', required: ['reason', 'retractedAt'], properties: { reason: { type: 'string' }, retractedAt: { type: 'string', format: 'date-time' }, reportId: { type: 'string', format: 'uuid' } } }, description: 'the outlet withdrew the fact' })
  async retract(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    const retraction = parseRetraction(body);
    const answer = await this.commands.execute(new RetractFactCommand(factIdFromParam(fact), retraction, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
