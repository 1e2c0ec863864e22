import { answerWrite } from '../../http/write-outcome';
import type { ReadYourWrites } from '../../read-model-sync';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseOpenStory } from './request';
import { OpenStoryBody, StoryAnswer } from '../../http/api-models';
import { commandContext, type Authenticated } from '../../http/request-context';
import { OpenStoryCommand } from './command';

@ApiTags('stories')
@Controller('stories')
export class StoriesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiBody({ type: OpenStoryBody })
  @ApiCreatedResponse({ type: StoryAnswer })
  @ApiConflictResponse({ description: 'the slug is taken' })
  async open(@Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<{ id: string; slug: string; readYourWrites: ReadYourWrites }> {
    const { slug, title } = parseOpenStory(body);
    const opened = answerWrite(response, await this.commands.execute(new OpenStoryCommand(slug, title, commandContext(request))));
    return { id: opened.id, slug: opened.slug, readYourWrites: opened.readYourWrites };
  }
}
