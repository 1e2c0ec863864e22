import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IF_MATCH_HEADER, REASON_PROPERTY } from '../../http/api-models';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { SplitReportsCommand } from './command';
import { parseSplitReports } from './request';

/** Taking reports out of a story into a new one. */
@ApiTags('stories')
@Controller('stories/:story')
export class SplitReportsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('split')
  @HttpCode(201)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['reports', 'slug', 'title', 'reason'],
      properties: { reports: { type: 'array', items: { type: 'string' } }, slug: { type: 'string' }, title: { type: 'string' }, reason: REASON_PROPERTY },
    },
  })
  @ApiCreatedResponse({ description: '{storyId, slug, fromStoryId, changed, position, readYourWrites}; ETag: the new story\'s revision' })
  @ApiNotFoundResponse({ description: 'STORY.NOT_FOUND, REPORT.NOT_FOUND (field reports[i])' })
  @ApiConflictResponse({ description: 'STORY.SLUG_TAKEN, STORY.MERGED, REPORT.NOT_IN_STORY' })
  async split(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { reportIds, slug, title, reason } = parseSplitReports(body);
    return answerWrite(response, await this.commands.execute(new SplitReportsCommand(story, reportIds, slug, title, reason, commandContext(request))));
  }
}
