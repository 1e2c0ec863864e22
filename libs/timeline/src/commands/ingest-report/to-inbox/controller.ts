import { Body, Controller, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../../http/request-context';
import { answerWrite } from '../../../http/write-outcome';
import { reportFromRequest } from '../request';
import { SendToInboxCommand } from './command';
import { parseInboxName } from '../../../http/inbox-ref';
import { reportBody, reportHeaders, reportText, sendToInboxQuery, SentToInbox, WRITE_HEADERS, type InboxReportAnswer } from '../../../http/schema';

/**
 * Reports sent without a story: stored in an inbox, where the router (on the read side)
 * proposes the stories they belong to. (The inbox itself is a read: libs/projections.)
 */
@ApiTags('inbox')
@Controller('reports')
export class SendToInboxController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiContract({
    operationId: 'sendReportToInbox',
    summary: 'Send a report without a story to an inbox, where the router proposes the stories it belongs to',
    description: 'The same bodies as POST /stories/{story}/reports: structured JSON with facts, JSON {text, ...} or raw text.',
    query: sendToInboxQuery,
    headers: reportHeaders,
    body: [{ schema: reportBody }, { schema: reportText, contentType: 'text/plain' }],
    ok: [
      { status: 202, description: 'the report was stored in the inbox; the router proposes its stories shortly after', schema: SentToInbox, headers: WRITE_HEADERS },
      { status: 200, description: 'the same report was sent to this inbox before: its first answer, nothing appended', schema: SentToInbox, headers: WRITE_HEADERS },
    ],
    errors: {
      412: 'the inbox moved on since If-Match (STORY.VERSION_STALE)',
      413: 'the body is too large (REQUEST.TOO_LARGE)',
      415: 'neither application/json nor text/plain (REQUEST.UNSUPPORTED_MEDIA_TYPE)',
      422: 'the Idempotency-Key was used with another body (REPORT.IDEMPOTENCY_KEY_REUSED)',
    },
  })
  async send(@Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<InboxReportAnswer> {
    const { name, inboxId } = parseInboxName(inbox);
    const { report, metadata } = await reportFromRequest(body, request);
    const answer = await this.commands.execute(new SendToInboxCommand(inboxId, report, commandContext(request), metadata));
    response.status(answer.created ? 202 : 200);
    const { reportId, factIds, position, readYourWrites } = answerWrite(response, answer);
    return { reportId, inbox: name, inboxId, factIds: [...factIds], position, outlet: report.outlet, publishedAt: report.publishedAt, readYourWrites, routing: `/inbox?inbox=${name}` };
  }
}
