import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseOpenStory } from '../../domain/story';
import { OpenStoryBody, StoryAnswer } from '../../http/api-models';
import { commandContext, type Authenticated } from '../../http/request-context';
import { GetStoryQuery, ListStoriesQuery } from '../list-stories/list-stories.query';
import { OpenStoryCommand } from './open-story.command';

@ApiTags('stories')
@Controller('stories')
export class StoriesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiBody({ type: OpenStoryBody })
  @ApiCreatedResponse({ type: StoryAnswer })
  @ApiConflictResponse({ description: 'the slug is taken' })
  async open(@Body() body: unknown, @Req() request: Request & Authenticated): Promise<{ id: string; slug: string }> {
    const { slug, title } = parseOpenStory(body);
    const opened = await this.commands.execute(new OpenStoryCommand(slug, title, commandContext(request)));
    return { id: opened.id, slug: opened.slug };
  }

  @Get()
  @ApiOkResponse({ description: '{stories: [{id, slug, title}]}' })
  async list(): Promise<{ stories: { id: string; slug: string; title: string }[] }> {
    return { stories: await this.queries.execute(new ListStoriesQuery()) };
  }

  @Get(':story')
  @ApiOkResponse({ type: StoryAnswer, description: 'ETag: the story stream revision, for If-Match' })
  async get(@Param('story') story: string, @Res({ passthrough: true }) response: Response): Promise<StoryAnswer> {
    const found = await this.queries.execute(new GetStoryQuery(story));
    response.setHeader('ETag', `"${found.revision}"`);
    return { id: found.id, slug: found.slug, title: found.title };
  }
}
