import { answerWrite } from '../../http/write-outcome';
import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { invalid } from '@storyline/story-events';
import { isUuid } from '@storyline/story-events';
import { parseAmendment, parseCorrection, parseRetraction, parseVerdict } from '../../domain/fact-changes';
import { commandContext, type Authenticated } from '../../http/request-context';
import { ChangeFactCommand, type FactChange, type FactChangedAnswer } from './change-fact.command';

const CHANGES_SCHEMA = {
  type: 'object',
  description: 'at least one of statement, attributedTo, modality, occurred, evidence {start, end}',
  additionalProperties: false,
  properties: {
    statement: { type: 'string' },
    attributedTo: { type: 'string', nullable: true },
    modality: { type: 'string', enum: ['asserted', 'reportedly', 'allegedly', 'quoted_opinion', 'speculation', 'denial'] },
    occurred: { type: 'object', nullable: true },
    evidence: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } },
  },
};

/**
 * Later knowledge about a fact, each as a new event that points at it: 201 when it was
 * recorded, 200 when the fact already was as asked (nothing appended).
 */
@ApiTags('facts')
@Controller('facts/:fact')
export class FactsController {
  constructor(private readonly commands: CommandBus) {}

  private async change(fact: string, change: FactChange, request: Request & Authenticated, response: Response): Promise<Omit<FactChangedAnswer, 'revision'>> {
    if (!isUuid(fact)) throw invalid('fact', `must be a fact id, got "${fact.slice(0, 60)}"`);
    const answer = await this.commands.execute(new ChangeFactCommand(fact.toLowerCase(), change, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }

  @Post('amendments')
  @ApiBody({ schema: { type: 'object', required: ['changes', 'reason'], properties: { changes: CHANGES_SCHEMA, reason: { type: 'string' } } }, description: 'fix how Storyline recorded the fact (the report always said this)' })
  @ApiOkResponse({ description: '{factId, storyId, position, changed}' })
  amend(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.change(fact, { kind: 'amend', amendment: parseAmendment(body) }, request, response);
  }

  @Post('corrections')
  @ApiBody({ schema: { type: 'object', required: ['changes', 'reason', 'correctedAt'], properties: { changes: CHANGES_SCHEMA, reason: { type: 'string' }, correctedAt: { type: 'string', format: 'date-time' }, reportId: { type: 'string', format: 'uuid' } } }, description: 'the outlet corrected what it reported' })
  correct(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.change(fact, { kind: 'correct', correction: parseCorrection(body) }, request, response);
  }

  @Post('retractions')
  @ApiBody({ schema: { type: 'object', required: ['reason', 'retractedAt'], properties: { reason: { type: 'string' }, retractedAt: { type: 'string', format: 'date-time' }, reportId: { type: 'string', format: 'uuid' } } }, description: 'the outlet withdrew the fact' })
  retract(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.change(fact, { kind: 'retract', retraction: parseRetraction(body) }, request, response);
  }

  @Post('verdicts')
  @ApiBody({ schema: { type: 'object', required: ['verdict', 'reason'], properties: { verdict: { type: 'string', enum: ['confirmed', 'disputed', 'unverified'] }, reason: { type: 'string' } } }, description: "an analyst's verdict; a later one supersedes" })
  verdict(@Param('fact') fact: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.change(fact, { kind: 'verdict', verdict: parseVerdict(body) }, request, response);
  }
}
