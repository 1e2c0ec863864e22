import { Body, Controller, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { invalid } from '@storyline/story-events';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { answerWrite } from '../../http/write-outcome';
import { parseInboxName } from '../../http/inbox-ref';
import { ResolveRoutingCommand } from './command';
import { parseReportId, parseRoutingAnswer } from './request';

const inboxQuery = { name: 'inbox', required: false, description: 'the inbox\'s name; default "default"' };

/** An analyst's answers to the reports waiting in an inbox. (The queue itself is a read: libs/projections.) */
@ApiTags('inbox')
@Controller('inbox/reports')
export class ResolveRoutingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':report/accept')
  @ApiQuery(inboxQuery)
  @ApiBody({ required: false, schema: { type: 'object', properties: { story: { type: 'string', description: 'a story id or slug, or "new"; default the first proposal' }, reason: { type: 'string' } } } })
  accept(@Param('report') report: string, @Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const reportId = parseReportId(report);
    const { story, reason } = parseRoutingAnswer(body, 'accept');
    const storyRef = story === null || story === 'new' ? story : storyRefOf(story);
    return this.resolve(inbox, reportId, { kind: 'accept', story: storyRef, reason }, request, response);
  }

  @Post(':report/reject')
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
