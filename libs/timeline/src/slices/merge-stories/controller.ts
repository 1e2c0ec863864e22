import { Body, Controller, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { answerWrite } from '../../http/write-outcome';
import { commandContext, type Authenticated } from '../../http/request-context';
import { MoveReportCommand } from '../move-report/command';
import { parseMoveReport } from '../move-report/request';
import { RenameStoryCommand } from '../rename-story/command';
import { parseRenameStory } from '../rename-story/request';
import { SplitReportsCommand } from '../split-reports/command';
import { parseSplitReports } from '../split-reports/request';
import { MergeStoriesCommand } from './command';
import { parseMergeStories } from './request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'the revision (ETag) of the story written that you last saw; 412 if it moved on' };
const REASON = { type: 'string', description: 'why: kept with the event, with the actor' };

/** Membership writes on a story: merge it into another, split reports out of it, rename it. */
@ApiTags('stories')
@Controller('stories/:story')
export class StoryMembershipController {
  constructor(private readonly commands: CommandBus) {}

  @Post('merge')
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object', required: ['into', 'reason'], properties: { into: { type: 'string', description: 'the story (id or slug) that takes its reports' }, reason: REASON } } })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: '{storyId, intoStoryId, changed, position, readYourWrites}; ETag: the merged story\'s revision' })
  @ApiNotFoundResponse({ description: 'STORY.NOT_FOUND (field story or into)' })
  @ApiConflictResponse({ description: 'STORY.MERGED: either story was merged already' })
  async merge(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { into, reason } = parseMergeStories(body);
    return answerWrite(response, await this.commands.execute(new MergeStoriesCommand(story, into, reason, commandContext(request))));
  }

  @Post('split')
  @HttpCode(201)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['reports', 'slug', 'title', 'reason'],
      properties: { reports: { type: 'array', items: { type: 'string' } }, slug: { type: 'string' }, title: { type: 'string' }, reason: REASON },
    },
  })
  @ApiCreatedResponse({ description: '{storyId, slug, fromStoryId, changed, position, readYourWrites}; ETag: the new story\'s revision' })
  @ApiNotFoundResponse({ description: 'STORY.NOT_FOUND, REPORT.NOT_FOUND (field reports[i])' })
  @ApiConflictResponse({ description: 'STORY.SLUG_TAKEN, STORY.MERGED, REPORT.NOT_IN_STORY' })
  async split(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { reportIds, slug, title, reason } = parseSplitReports(body);
    return answerWrite(response, await this.commands.execute(new SplitReportsCommand(story, reportIds, slug, title, reason, commandContext(request))));
  }

  @Patch()
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { slug: { type: 'string' }, title: { type: 'string' }, reason: REASON } } })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: '{storyId, slug, changed, position, readYourWrites}; the old slug keeps answering' })
  @ApiConflictResponse({ description: 'STORY.SLUG_TAKEN, STORY.MERGED' })
  async rename(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { slug, title, reason } = parseRenameStory(body);
    return answerWrite(response, await this.commands.execute(new RenameStoryCommand(story, slug, title, reason, commandContext(request))));
  }
}

/** Moving one report to another story. */
@ApiTags('reports')
@Controller('reports/:report')
export class ReportMembershipController {
  constructor(private readonly commands: CommandBus) {}

  @Post('move')
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object', required: ['to', 'reason'], properties: { to: { type: 'string', description: 'the story (id or slug)' }, reason: REASON } } })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: '{storyId (left), reportId, toStoryId, changed (false: already there), position, readYourWrites}' })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND, STORY.NOT_FOUND (field to)' })
  @ApiConflictResponse({ description: 'STORY.MERGED: the target was merged' })
  async move(@Param('report') report: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    const { to, reason } = parseMoveReport(body);
    return answerWrite(response, await this.commands.execute(new MoveReportCommand(report.toLowerCase(), to, reason, commandContext(request))));
  }
}
