import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { StorySummary, storyParams } from '../http/schema';
import { StoryList } from './schema';
import type { Response } from 'express';
import { GetStoryQuery, ListStoriesQuery } from './list-stories.query';

/** The stories as the read side knows them. (Opening one is a write: libs/timeline.) */
@ApiTags('stories')
@Controller('stories')
export class StoriesQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiContract({ operationId: 'listStories', summary: 'The stories', ok: { schema: StoryList } })
  async list(): Promise<{ stories: { id: string; slug: string; title: string; mergedInto?: string }[] }> {
    return { stories: await this.queries.execute(new ListStoriesQuery()) };
  }

  @Get(':story')
  @ApiContract({
    operationId: 'getStory',
    summary: 'One story by slug or id',
    params: storyParams,
    ok: { schema: StorySummary, headers: { ETag: { description: 'the story stream revision, for If-Match', schema: { type: 'string' } } } },
    errors: { 404: 'no such story (STORY.NOT_FOUND)' },
  })
  async get(@Param('story') story: string, @Res({ passthrough: true }) response: Response): Promise<{ id: string; slug: string; title: string; mergedFrom?: { id: string; slug: string } }> {
    const found = await this.queries.execute(new GetStoryQuery(story));
    response.setHeader('ETag', `"${found.revision}"`);
    return { id: found.id, slug: found.slug, title: found.title, ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}) };
  }
}
