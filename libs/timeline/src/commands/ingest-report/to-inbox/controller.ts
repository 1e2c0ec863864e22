import { Body, Controller, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../../http/request-context';
import { answerWrite } from '../../../http/write-outcome';
import { reportFromRequest } from '../request';
import { SendToInboxCommand } from './command';
import { parseInboxName } from '../../../http/inbox-ref';

/**
 * Reports sent without a story: stored in an inbox, where the router (on the read side)
 * proposes the stories they belong to. (The inbox itself is a read: libs/projections.)
 */
@ApiTags('inbox')
@Controller('reports')
export class SendToInboxController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiQuery({ name: 'inbox', required: false, description: 'the inbox\'s name (lowercase letters, digits, hyphens); default "default"' })
  @ApiConsumes('application/json', 'text/plain')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key answers with the first result' })
  @ApiBody({ description: 'the same bodies as POST /stories/{story}/reports: structured JSON with facts, JSON {text, ...} or raw text' })
  async send(@Query('inbox') inbox: unknown, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { name, inboxId } = parseInboxName(inbox);
    const { report, metadata } = await reportFromRequest(body, request);
    const answer = await this.commands.execute(new SendToInboxCommand(inboxId, report, commandContext(request), metadata));
    response.status(answer.created ? 202 : 200);
    const { reportId, factIds, position, readYourWrites } = answerWrite(response, answer);
    return { reportId, inbox: name, inboxId, factIds: [...factIds], position, outlet: report.outlet, publishedAt: report.publishedAt, readYourWrites, routing: `/inbox?inbox=${name}` };
  }
}
