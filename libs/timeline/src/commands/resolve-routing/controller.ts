import { Body, Controller, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { invalid } from '@storyline/story-events';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { answerWrite } from '../../http/write-outcome';
import { parseInboxName } from '../../http/inbox-ref';
import { acceptRoutingBody, inboxQuery, rejectRoutingBody, reportParams, RoutingResolved, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import { ResolveRoutingCommand, type RoutingResolvedAnswer } from './command';
import { parseReportId, parseRoutingAnswer } from './request';

const RESOLVED = [
  { status: 201, description: 'the answer was recorded', schema: RoutingResolved, headers: WRITE_HEADERS },
  { status: 200, description: 'the same answer was given before: nothing appended', schema: RoutingResolved, headers: WRITE_HEADERS },
];

/** An analyst's answers to the reports waiting in an inbox. (The queue itself is a read: libs/projections.) */
@ApiTags('inbox')
@Controller('inbox/reports')
export class ResolveRoutingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':report/accept')
  @ApiContract({
    operationId: 'acceptRouting',
    summary: "Accept a waiting report into a story (the router's first proposal, a story named, or a new one)",
    params: reportParams,
    query: inboxQuery,
    headers: writeHeaders,
    body: { schema: acceptRoutingBody },
    bodyRequired: false,
    ok: RESOLVED,
    errors: {
      404: 'no such report in the inbox, or no such story (INBOX.REPORT_NOT_FOUND, STORY.NOT_FOUND)',
      409: 'the report was answered already, or is not routed yet (INBOX.ALREADY_RESOLVED, INBOX.NOT_ROUTED)',
      412: 'the inbox moved on since If-Match (STORY.VERSION_STALE)',
    },
  })
  accept(@Param('report') report: string, @Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const reportId = parseReportId(report);
    const { story, reason } = parseRoutingAnswer(body, 'accept');
    const storyRef = story === null || story === 'new' ? story : storyRefOf(story);
    return this.resolve(inbox, reportId, { kind: 'accept', story: storyRef, reason }, request, response);
  }

  @Post(':report/reject')
  @ApiContract({
    operationId: 'rejectRouting',
    summary: 'Reject a waiting report: it joins no story',
    params: reportParams,
    query: inboxQuery,
    headers: writeHeaders,
    body: { schema: rejectRoutingBody },
    ok: RESOLVED,
    errors: {
      404: 'no such report in the inbox (INBOX.REPORT_NOT_FOUND)',
      409: 'the report was answered already, or is not routed yet (INBOX.ALREADY_RESOLVED, INBOX.NOT_ROUTED)',
      412: 'the inbox moved on since If-Match (STORY.VERSION_STALE)',
    },
  })
  reject(@Param('report') report: string, @Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const reportId = parseReportId(report);
    const { reason } = parseRoutingAnswer(body, 'reject');
    return this.resolve(inbox, reportId, { kind: 'reject', reason: reason! }, request, response);
  }

  private async resolve(inbox: unknown, reportId: string, answer: ResolveRoutingCommand['answer'], request: Request & Authenticated, response: Response): Promise<Omit<RoutingResolvedAnswer, 'revision'>> {
    const answered = await this.commands.execute(new ResolveRoutingCommand(parseInboxName(inbox), reportId, answer, commandContext(request)));
    response.status(answered.changed ? 201 : 200);
    return answerWrite(response, answered);
  }
}

function storyRefOf(story: string): string {
  try {
    return storyIdFromRef(story);
  } catch {
    throw invalid('story', `must be a story id, a slug or "new", got "${story.slice(0, 80)}"`);
  }
}
