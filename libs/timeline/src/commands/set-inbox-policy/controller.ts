import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { SetInboxPolicyCommand } from './command';
import { parseInboxPolicy } from './request';

@ApiTags('inbox')
@Controller('inbox/policy')
export class SetInboxPolicyController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @ApiBody({ schema: { type: 'object', required: ['threshold'], properties: { inbox: { type: 'string' }, threshold: { type: 'number', nullable: true, minimum: 0, maximum: 1, description: 'a best score at or above it joins at once; null never' }, autoOpen: { type: 'boolean', description: 'a report matching no story opens one at once (default true)' } } } })
  async set(@Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const answer = await this.commands.execute(new SetInboxPolicyCommand(parseInboxPolicy(body), commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
