import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { moveReportBody, ReportMoved, reportParams, WRITE_HEADERS, writeHeaders } from '../../http/schema';
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
  @ApiContract({
    operationId: 'moveReport',
    summary: 'Move one report to another story',
    params: reportParams,
    headers: writeHeaders,
    body: { schema: moveReportBody },
    ok: { description: 'moved (changed false: it already was there)', schema: ReportMoved, headers: WRITE_HEADERS },
    errors: {
      404: 'no such report or story (REPORT.NOT_FOUND, STORY.NOT_FOUND with field to)',
      409: 'the target story was merged (STORY.MERGED)',
      412: 'the story moved on since If-Match (STORY.VERSION_STALE)',
    },
  })
  async move(@Param('report') report: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { to, reason } = parseMoveReport(body);
    return answerWrite(response, await this.commands.execute(new MoveReportCommand(report.toLowerCase(), to, reason, commandContext(request))));
  }

}
