import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { registerSourceBody, Source, WRITE_HEADERS } from '../../http/schema';
import type { Request, Response } from 'express';
import type { SourceAnswer } from '../../command-handling/sources';
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
  @ApiContract({ operationId: 'registerSource', summary: 'Register a source (an outlet, person or organisation) with its aliases', body: { schema: registerSourceBody }, ok: { status: 201, schema: Source, headers: WRITE_HEADERS }, errors: { 409: 'the name or an alias is taken (SOURCE.ALREADY_REGISTERED, SOURCE.ALIAS_TAKEN)' } })
  async register(@Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<SourceAnswer, 'revision'>> {
    const { name, kind, aliases } = parseRegisterSource(body);
    return answerWrite(response, await this.commands.execute(new RegisterSourceCommand(name, kind, aliases, commandContext(request))));
  }
}
