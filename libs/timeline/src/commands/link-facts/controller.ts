import { answerWrite } from '../../http/write-outcome';
import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LINK_KINDS } from '@storyline/story-events';
import { parseLink } from './request';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { LinkFactsCommand, type FactsLinkedAnswer } from './command';

@ApiTags('facts')
@Controller('stories/:story/links')
export class LinksController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiBody({
    schema: {
      type: 'object',
      required: ['fromFactId', 'toFactId', 'kind'],
      properties: { fromFactId: { type: 'string', format: 'uuid' }, toFactId: { type: 'string', format: 'uuid' }, kind: { type: 'string', enum: [...LINK_KINDS] }, reason: { type: 'string' } },
    },
  })
  @ApiOkResponse({ description: '201 {linkId, position, created: true}; 200 with the existing link when the same link was made before' })
  async link(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactsLinkedAnswer, 'revision'>> {
    const link = parseLink(body);
    const answer = await this.commands.execute(new LinkFactsCommand(storyIdFromRef(story), link, commandContext(request)));
    response.status(answer.created ? 201 : 200);
    return answerWrite(response, answer);
  }
}
