import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
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
  register(@Body() body: unknown, @Req() request: Request & Authenticated): Promise<SourceAnswer> {
    const { name, kind, aliases } = parseRegisterSource(body);
    return this.commands.execute(new RegisterSourceCommand(name, kind, aliases, commandContext(request)));
  }

  /** `:source` is the source's id or its registered name. */
  @Post(':source/aliases')
  @HttpCode(201)
  @ApiBody({ type: AddAliasBody })
  @ApiCreatedResponse({ type: SourceAnswerModel })
  addAlias(@Param('source') source: string, @Body() body: unknown, @Req() request: Request & Authenticated): Promise<SourceAnswer> {
    const alias = parseAlias(body);
    const sourceId = isUuid(source) ? source.toLowerCase() : sourceIdForName(normaliseSourceName(source));
    if (source.length > 200) throw new DomainError('SOURCE.NOT_FOUND', 'no such source', 'source');
    return this.commands.execute(new AddSourceAliasCommand(sourceId, alias, commandContext(request)));
  }
}
