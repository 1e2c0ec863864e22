import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SourceAnswer } from '../../command-handling/sources';
import { AddAliasBody, SourceAnswerModel } from '../../http/api-models';
import { commandContext, type Authenticated } from '../../http/request-context';
import { answerWrite } from '../../http/write-outcome';
import { AddSourceAliasCommand } from './command';
import { parseAlias, sourceIdFromParam } from './request';

@ApiTags('sources')
@Controller('sources')
export class AddSourceAliasController {
  constructor(private readonly commands: CommandBus) {}

  /** `:source` is the source's id or its registered name. */
  @Post(':source/aliases')
  @HttpCode(201)
  @ApiBody({ type: AddAliasBody })
  @ApiCreatedResponse({ type: SourceAnswerModel })
  async addAlias(@Param('source') source: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<SourceAnswer, 'revision'>> {
    const alias = parseAlias(body);
    const sourceId = sourceIdFromParam(source);
    return answerWrite(response, await this.commands.execute(new AddSourceAliasCommand(sourceId, alias, commandContext(request))));
  }
}
