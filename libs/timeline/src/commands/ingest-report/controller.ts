import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { reportFromRequest } from './request';
import { ReportAnswer, ReportBody } from '../../http/api-models';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { IngestReportCommand } from './command';

@ApiTags('reports')
@Controller('stories/:story/reports')
export class ReportsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiBody({ type: ReportBody, description: 'JSON with facts (structured), JSON {text, outlet?, publishedAt?, headline?, url?} without facts, or the raw text as text/plain with ?outlet=&publishedAt=: the extractor then finds the facts' })
  @ApiConsumes('application/json', 'text/plain')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key answers with the first result' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the story revision (ETag) you last saw; 412 if it moved on' })
  @ApiCreatedResponse({ type: ReportAnswer })
  @ApiOkResponse({ type: ReportAnswer, description: 'the same report was ingested before: its first answer, nothing appended' })
  async ingest(
    @Param('story') story: string,
    @Body() body: unknown,
    @Req() request: Request & Authenticated,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportAnswer> {
    const storyId = storyIdFromRef(story);
    const { report, metadata } = await reportFromRequest(body, request);
    const answer = await this.commands.execute(new IngestReportCommand(storyId, report, commandContext(request), metadata));
    response.status(answer.created ? 201 : 200);
    const { reportId, factIds, position, readYourWrites } = answerWrite(response, answer);
    return {
      reportId,
      factIds: [...factIds],
      position,
      outlet: report.outlet,
      publishedAt: report.publishedAt,
      readYourWrites,
      proposals: `/stories/${storyId}/link-proposals?status=proposed`,
    };
  }
}
