import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IF_MATCH_HEADER, REASON_PROPERTY } from '../../http/api-models';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { MergeStoriesCommand } from './command';
import { parseMergeStories } from './request';

/** Merging a story into another: its reports go there, its id and slugs answer for it. */
@ApiTags('stories')
@Controller('stories/:story')
export class MergeStoriesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('merge')
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object', required: ['into', 'reason'], properties: { into: { type: 'string', description: 'the story (id or slug) that takes its reports' }, reason: REASON_PROPERTY } } })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: '{storyId, intoStoryId, changed, position, readYourWrites}; ETag: the merged story\'s revision' })
  @ApiNotFoundResponse({ description: 'STORY.NOT_FOUND (field story or into)' })
  @ApiConflictResponse({ description: 'STORY.MERGED: either story was merged already' })
  async merge(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { into, reason } = parseMergeStories(body);
    return answerWrite(response, await this.commands.execute(new MergeStoriesCommand(story, into, reason, commandContext(request))));
  }
}
