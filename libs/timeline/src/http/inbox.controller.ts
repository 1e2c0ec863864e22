import { Body, Controller, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { invalid } from '@storyline/story-events';
import { SendToInboxCommand } from '../commands/send-to-inbox/handler';
import { parseInboxName } from '../commands/send-to-inbox/request';
import { ResolveRoutingCommand } from '../commands/resolve-routing/handler';
import { parseReportId, parseRoutingAnswer } from '../commands/resolve-routing/request';
import { SetInboxPolicyCommand } from '../commands/set-inbox-policy/handler';
import { parseInboxPolicy } from '../commands/set-inbox-policy/request';
import { readSubmission } from '../slices/ingest-report/reports.controller';
import { commandContext, type Authenticated } from './request-context';
import { storyIdFromRef } from './story-ref';
import { answerWrite } from './write-outcome';

const inboxQuery = { name: 'inbox', required: false, description: 'the inbox\'s name (lowercase letters, digits, hyphens); default "default"' };

/**
 * Reports sent without a story: stored in an inbox, routed to the stories they most likely
 * belong to by the router (on the read side), and answered by analysts. (The inbox itself is
 * a read: libs/projections.)
 */
@ApiTags('inbox')
@Controller()
export class InboxController {
  constructor(private readonly commands: CommandBus) {}

  @Post('reports')
  @ApiQuery(inboxQuery)
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({ description: 'the same bodies as POST /stories/{story}/reports: structured JSON with facts, JSON {text, ...} or raw text' })
  async send(@Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { name, inboxId } = parseInboxName(inbox);
    const { report, metadata } = await readSubmission(body, request);
    const answer = await this.commands.execute(new SendToInboxCommand(inboxId, report, commandContext(request), metadata));
    response.status(answer.created ? 202 : 200);
    const { reportId, factIds, position, readYourWrites } = answerWrite(response, answer);
    return { reportId, inbox: name, inboxId, factIds: [...factIds], position, outlet: report.outlet, publishedAt: report.publishedAt, readYourWrites, routing: `/inbox?inbox=${name}` };
  }

  @Put('inbox/policy')
  @ApiBody({ schema: { type: 'object', required: ['threshold'], properties: { inbox: { type: 'string' }, threshold: { type: 'number', nullable: true, minimum: 0, maximum: 1 }, autoOpen: { type: 'boolean' } } } })
  async policy(@Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const answer = await this.commands.execute(new SetInboxPolicyCommand(parseInboxPolicy(body), commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }

  @Post('inbox/reports/:report/accept')
  @ApiQuery(inboxQuery)
  @ApiBody({ required: false, schema: { type: 'object', properties: { story: { type: 'string', description: 'a story id or slug, or "new"; default the first proposal' }, reason: { type: 'string' } } } })
  accept(@Param('report') report: string, @Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const reportId = parseReportId(report);
    const { story, reason } = parseRoutingAnswer(body, 'accept');
    const storyRef = story === null || story === 'new' ? story : storyRefOf(story);
    return this.resolve(inbox, reportId, { kind: 'accept', story: storyRef, reason }, request, response);
  }

  @Post('inbox/reports/:report/reject')
  @ApiQuery(inboxQuery)
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  reject(@Param('report') report: string, @Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const reportId = parseReportId(report);
    const { reason } = parseRoutingAnswer(body, 'reject');
    return this.resolve(inbox, reportId, { kind: 'reject', reason: reason! }, request, response);
  }

  private async resolve(inbox: unknown, reportId: string, answer: ResolveRoutingCommand['answer'], request: Request & Authenticated, response: Response) {
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
