import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { mergeStoriesBody, StoriesMerged, storyParams, WRITE_HEADERS, writeHeaders } from '../../http/schema';
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
  @ApiContract({
    operationId: 'mergeStories',
    summary: 'Merge a story into another: its reports go there, its id and slugs answer for it',
    params: storyParams,
    headers: writeHeaders,
    body: { schema: mergeStoriesBody },
    ok: { description: "merged (changed false: it already was); ETag: the merged story's revision", schema: StoriesMerged, headers: WRITE_HEADERS },
    errors: {
      404: 'no such story (STORY.NOT_FOUND, field story or into)',
      409: 'either story was merged already (STORY.MERGED)',
      412: 'the story moved on since If-Match (STORY.VERSION_STALE)',
      422: 'a story cannot be merged into itself (STORY.SAME_STORY)',
    },
  })
  async merge(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { into, reason } = parseMergeStories(body);
    return answerWrite(response, await this.commands.execute(new MergeStoriesCommand(story, into, reason, commandContext(request))));
  }
}
