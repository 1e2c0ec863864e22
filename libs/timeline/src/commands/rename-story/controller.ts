import { Body, Controller, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { renameStoryBody, StoryRenamed, storyParams, WRITE_HEADERS, writeHeaders } from '../../http/schema';
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
  @ApiContract({
    operationId: 'renameStory',
    summary: 'Rename a story (slug and/or title); old slugs keep answering',
    params: storyParams,
    headers: writeHeaders,
    body: { schema: renameStoryBody },
    ok: { description: 'renamed (changed false: it already was so)', schema: StoryRenamed, headers: WRITE_HEADERS },
    errors: {
      404: 'no such story (STORY.NOT_FOUND)',
      409: 'the slug is taken or the story was merged (STORY.SLUG_TAKEN, STORY.MERGED)',
      412: 'the story moved on since If-Match (STORY.VERSION_STALE)',
    },
  })
  async rename(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { slug, title, reason } = parseRenameStory(body);
    return answerWrite(response, await this.commands.execute(new RenameStoryCommand(story, slug, title, reason, commandContext(request))));
  }
}
