import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IF_MATCH_HEADER, REASON_PROPERTY } from '../../http/api-models';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { MoveReportCommand } from './command';
import { parseMoveReport } from './request';

/** Moving one report to another story. */
@ApiTags('reports')
@Controller('reports/:report')
export class MoveReportController {
  constructor(private readonly commands: CommandBus) {}

  @Post('move')
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object', required: ['to', 'reason'], properties: { to: { type: 'string', description: 'the story (id or slug)' }, reason: REASON_PROPERTY } } })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: '{storyId (left), reportId, toStoryId, changed (false: already there), position, readYourWrites}' })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND, STORY.NOT_FOUND (field to)' })
  @ApiConflictResponse({ description: 'STORY.MERGED: the target was merged' })
  async move(@Param('report') report: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { to, reason } = parseMoveReport(body);
    return answerWrite(response, await this.commands.execute(new MoveReportCommand(report.toLowerCase(), to, reason, commandContext(request))));
  }

}
