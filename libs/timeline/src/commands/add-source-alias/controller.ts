import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { addAliasBody, Source, sourceParams, WRITE_HEADERS } from '../../http/schema';
import type { Request, Response } from 'express';
import type { SourceAnswer } from '../../command-handling/sources';
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
  @ApiContract({ operationId: 'addSourceAlias', summary: 'Add an alias to a source', params: sourceParams, body: { schema: addAliasBody }, ok: { status: 201, schema: Source, headers: WRITE_HEADERS }, errors: { 404: 'no such source (SOURCE.NOT_FOUND)', 409: 'the alias is taken (SOURCE.ALIAS_TAKEN)' } })
  async addAlias(@Param('source') source: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<SourceAnswer, 'revision'>> {
    const alias = parseAlias(body);
    const sourceId = sourceIdFromParam(source);
    return answerWrite(response, await this.commands.execute(new AddSourceAliasCommand(sourceId, alias, commandContext(request))));
  }
}
