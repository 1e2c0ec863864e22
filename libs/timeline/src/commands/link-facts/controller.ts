import { answerWrite } from '../../http/write-outcome';
import { Body, Controller, Param, Post, Req, Res, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { FactsLinked, linkFactsBody, storyParams, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import type { Request, Response } from 'express';
import { parseLink } from './request';
import { commandContext, type Authenticated } from '../../http/request-context';
import { MEMBERSHIP_LOCATOR, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { LinkFactsCommand, type FactsLinkedAnswer } from './command';

@ApiTags('facts')
@Controller('stories/:story/links')
export class LinksController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
  ) {}

  @Post()
  @ApiContract({ operationId: 'linkFacts', summary: 'Link two facts of a story (corroborates, contradicts, ...)', params: storyParams, headers: writeHeaders, body: { schema: linkFactsBody }, ok: [{ status: 201, description: 'the link was recorded', schema: FactsLinked, headers: WRITE_HEADERS }, { status: 200, description: 'the same link was made before: the existing one', schema: FactsLinked, headers: WRITE_HEADERS }], errors: { 404: 'no such story or fact (STORY.NOT_FOUND, FACT.NOT_FOUND)', 409: 'a fact was retracted (FACT.RETRACTED)', 412: 'the story moved on since If-Match (STORY.VERSION_STALE)' } })
  async link(@Param('story') story: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response): Promise<Omit<FactsLinkedAnswer, 'revision'>> {
    const link = parseLink(body);
    const answer = await this.commands.execute(new LinkFactsCommand(await storyIdOf(this.locator, story), link, commandContext(request)));
    response.status(answer.created ? 201 : 200);
    return answerWrite(response, answer);
  }
}
