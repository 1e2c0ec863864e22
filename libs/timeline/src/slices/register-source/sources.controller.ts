import { answerWrite } from '../../http/write-outcome';
import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '@storyline/story-events';
import { isUuid, sourceIdForName } from '@storyline/story-events';
import { normaliseSourceName } from '@storyline/story-events';
import { parseAlias, parseRegisterSource } from '../../domain/source';
import { AddAliasBody, RegisterSourceBody, SourceAnswerModel } from '../../http/api-models';
import { commandContext, type Authenticated } from '../../http/request-context';
import { AddSourceAliasCommand, RegisterSourceCommand, type SourceAnswer } from './register-source.command';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiBody({ type: RegisterSourceBody })
  @ApiCreatedResponse({ type: SourceAnswerModel })
  async register(@Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<SourceAnswer, 'revision'>> {
    const { name, kind, aliases } = parseRegisterSource(body);
    return answerWrite(response, await this.commands.execute(new RegisterSourceCommand(name, kind, aliases, commandContext(request))));
  }

  /** `:source` is the source's id or its registered name. */
  @Post(':source/aliases')
  @HttpCode(201)
  @ApiBody({ type: AddAliasBody })
  @ApiCreatedResponse({ type: SourceAnswerModel })
  async addAlias(@Param('source') source: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<SourceAnswer, 'revision'>> {
    const alias = parseAlias(body);
    const sourceId = isUuid(source) ? source.toLowerCase() : sourceIdForName(normaliseSourceName(source));
    if (source.length > 200) throw new DomainError('SOURCE.NOT_FOUND', 'no such source', 'source');
    return answerWrite(response, await this.commands.execute(new AddSourceAliasCommand(sourceId, alias, commandContext(request))));
  }
}
