import { Body, Controller, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IF_MATCH_HEADER, REASON_PROPERTY } from '../../http/api-models';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { RenameStoryCommand } from './command';
import { parseRenameStory } from './request';

/** Renaming a story (slug and/or title); old slugs keep answering. */
@ApiTags('stories')
@Controller('stories/:story')
export class RenameStoryController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { slug: { type: 'string' }, title: { type: 'string' }, reason: REASON_PROPERTY } } })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: '{storyId, slug, changed, position, readYourWrites}; the old slug keeps answering' })
  @ApiConflictResponse({ description: 'STORY.SLUG_TAKEN, STORY.MERGED' })
  async rename(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { slug, title, reason } = parseRenameStory(body);
    return answerWrite(response, await this.commands.execute(new RenameStoryCommand(story, slug, title, reason, commandContext(request))));
  }
}
