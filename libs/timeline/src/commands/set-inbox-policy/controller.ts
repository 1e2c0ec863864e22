import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { inboxPolicyBody, InboxPolicy, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import { SetInboxPolicyCommand, type InboxPolicyAnswer } from './command';
import { parseInboxPolicy } from './request';

@ApiTags('inbox')
@Controller('inbox/policy')
export class SetInboxPolicyController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @ApiContract({
    operationId: 'setInboxPolicy',
    summary: 'Set how much the router may do in an inbox without an analyst',
    headers: writeHeaders,
    body: { schema: inboxPolicyBody },
    ok: [
      { status: 201, description: 'the policy was recorded', schema: InboxPolicy, headers: WRITE_HEADERS },
      { status: 200, description: 'the policy already was so: nothing appended', schema: InboxPolicy, headers: WRITE_HEADERS },
    ],
    errors: { 412: 'the inbox moved on since If-Match (STORY.VERSION_STALE)' },
  })
  async set(@Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<InboxPolicyAnswer, 'revision'>> {
    const answer = await this.commands.execute(new SetInboxPolicyCommand(parseInboxPolicy(body), commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
