import { Body, Controller, Param, Post, Req, Res, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { reportBody, reportHeaders, ReportIngested, reportText, reportTextQuery, storyParams, WRITE_HEADERS, type ReportAnswer } from '../../http/schema';
import type { Request, Response } from 'express';
import { reportFromRequest } from './request';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { MEMBERSHIP_LOCATOR, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { IngestReportCommand } from './command';

@ApiTags('reports')
@Controller('stories/:story/reports')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
  ) {}

  @Post()
  @ApiContract({
    operationId: 'ingestReport',
    summary: 'Ingest a report: structured (with facts), or as published (JSON text or text/plain) for the extractor',
    params: storyParams,
    query: reportTextQuery,
    headers: reportHeaders,
    body: [{ schema: reportBody }, { schema: reportText, contentType: 'text/plain' }],
    ok: [{ status: 201, description: 'the report was stored', schema: ReportIngested, headers: WRITE_HEADERS }, { status: 200, description: 'the same report was ingested before: its first answer, nothing appended', schema: ReportIngested, headers: WRITE_HEADERS }],
    errors: {
      404: 'no such story (STORY.NOT_FOUND)',
      412: 'the story moved on since If-Match (STORY.VERSION_STALE)',
      413: 'the body is too large (REQUEST.TOO_LARGE)',
      415: 'neither application/json nor text/plain (REQUEST.UNSUPPORTED_MEDIA_TYPE)',
      422: 'the Idempotency-Key was used with another body (REPORT.IDEMPOTENCY_KEY_REUSED)',
    },
  })
  async ingest(
    @Param('story') story: string,
    @Body() body: unknown,
    @Req() request: Request & Authenticated,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportAnswer> {
    const storyId = await storyIdOf(this.locator, story);
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
