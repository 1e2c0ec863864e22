import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { ReportsSplit, splitReportsBody, storyParams, WRITE_HEADERS } from '../../http/schema';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { SplitReportsCommand } from './command';
import { parseSplitReports } from './request';

/** Taking reports out of a story into a new one. */
@ApiTags('stories')
@Controller('stories/:story')
export class SplitReportsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('split')
  @HttpCode(201)
  @ApiContract({
    operationId: 'splitReports',
    summary: 'Take reports out of a story into a new one',
    params: storyParams,
    body: { schema: splitReportsBody },
    ok: { status: 201, description: "the new story (changed false: a retry of the same split); ETag: the new story's revision", schema: ReportsSplit, headers: WRITE_HEADERS },
    errors: {
      404: 'no such story or report (STORY.NOT_FOUND, REPORT.NOT_FOUND with field reports[i])',
      409: 'the slug is taken, the story was merged, or a report is not in it (STORY.SLUG_TAKEN, STORY.MERGED, REPORT.NOT_IN_STORY)',
    },
  })
  async split(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { reportIds, slug, title, reason } = parseSplitReports(body);
    return answerWrite(response, await this.commands.execute(new SplitReportsCommand(story, reportIds, slug, title, reason, commandContext(request))));
  }
}
