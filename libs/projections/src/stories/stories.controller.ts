import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GetStoryQuery, ListStoriesQuery } from './list-stories.query';

/** The stories as the read side knows them. (Opening one is a write: libs/timeline.) */
@ApiTags('stories')
@Controller('stories')
export class StoriesQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ description: '{stories: [{id, slug, title, mergedInto?}]}' })
  async list(): Promise<{ stories: { id: string; slug: string; title: string }[] }> {
    return { stories: await this.queries.execute(new ListStoriesQuery()) };
  }

  @Get(':story')
  @ApiOkResponse({
    description: '{id, slug, title}; ETag: the story stream revision, for If-Match. An old slug answers for the story; a merged story\'s id or slug answers with the story it went into and mergedFrom: {id, slug}',
  })
  async get(@Param('story') story: string, @Res({ passthrough: true }) response: Response): Promise<{ id: string; slug: string; title: string; mergedFrom?: { id: string; slug: string } }> {
    const found = await this.queries.execute(new GetStoryQuery(story));
    response.setHeader('ETag', `"${found.revision}"`);
    return { id: found.id, slug: found.slug, title: found.title, ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}) };
  }
}
