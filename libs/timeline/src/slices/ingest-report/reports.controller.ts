import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError, invalid } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { submissionFromTextAsync, type RawReportHints } from '../../domain/raw-report';
import { LIMITS, parseReport, type ReportSubmission } from '../../domain/report';
import { ReportAnswer, ReportBody } from '../../http/api-models';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { IngestReportCommand } from './ingest-report.command';

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
    const { report, metadata } = await readSubmission(body, request);
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

/**
 * JSON with `facts`: a structured report, taken as given. JSON without `facts`, or
 * text/plain: a report as published, whose facts the extractor finds. (Story and inbox
 * ingest read the same bodies.)
 */
export async function readSubmission(body: unknown, request: Request): Promise<{ report: ReportSubmission; metadata: Record<string, unknown> }> {
  if (request.is('text/plain')) {
    if (typeof body !== 'string') throw invalid('body', 'must be the report text');
    const hints = parseRawHints(request.query as Record<string, unknown>);
    const { report, extractor } = await submissionFromTextAsync(body, hints, 'body');
    return { report, metadata: { extractor } };
  }
  if (!request.is('application/json')) {
    throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the report as application/json, or its raw text as text/plain', 'Content-Type');
  }
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && !('facts' in body)) {
    const { text, ...hints } = read.object(body, '');
    read.rejectUnknownKeys(hints, ['outlet', 'publishedAt', 'headline', 'url'], '');
    const checked = read.text(text, 'text', { max: LIMITS.textChars });
    const { report, extractor } = await submissionFromTextAsync(checked, parseRawHints(hints));
    return { report, metadata: { extractor } };
  }
  return { report: parseReport(body, ['outlet', 'publishedAt']), metadata: {} };
}

/** The optional outlet, publishedAt, headline and url sent with raw text (query or JSON). */
function parseRawHints(input: Record<string, unknown>): RawReportHints {
  return {
    outlet: read.optionalText(input.outlet, 'outlet', { max: LIMITS.nameChars }),
    publishedAt: read.optionalInstant(input.publishedAt, 'publishedAt'),
    headline: read.optionalText(input.headline, 'headline', { max: LIMITS.headlineChars }),
    url: read.optionalText(input.url, 'url', { max: LIMITS.urlChars }),
  };
}
