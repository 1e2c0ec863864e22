import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SourceAnswer } from '../../command-handling/sources';
import { RegisterSourceBody, SourceAnswerModel } from '../../http/api-models';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { RegisterSourceCommand } from './command';
import { parseRegisterSource } from './request';

@ApiTags('sources')
@Controller('sources')
export class RegisterSourceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiBody({ type: RegisterSourceBody })
  @ApiCreatedResponse({ type: SourceAnswerModel })
  async register(@Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<SourceAnswer, 'revision'>> {
    const { name, kind, aliases } = parseRegisterSource(body);
    return answerWrite(response, await this.commands.execute(new RegisterSourceCommand(name, kind, aliases, commandContext(request))));
  }
}
