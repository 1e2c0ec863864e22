import { answerWrite } from '../../http/write-outcome';
import { Body, Controller, Param, Post, Req, Res, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { invalid } from '@storyline/story-events';
import { isUuid } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { commandContext, type Authenticated } from '../../http/request-context';
import { MEMBERSHIP_LOCATOR, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { ResolveLinkProposalCommand, type ProposalResolvedAnswer } from './link-proposals';

function reasonOf(body: unknown, required: boolean): string | null {
  const input = body === undefined || body === null ? {} : read.object(body, '');
  read.rejectUnknownKeys(input, ['reason'], '');
  if (required) return read.text(input.reason, 'reason', { max: 2_000 }).trim();
  return read.optionalText(input.reason, 'reason', { max: 2_000 })?.trim() ?? null;
}

/** The analyst's answers to the links the extractor proposed. (The queue itself is a read: libs/projections.) */
@ApiTags('facts')
@Controller('stories/:story/link-proposals')
export class LinkProposalsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
  ) {}

  @Post(':linkId/accept')
  @ApiBody({ required: false, schema: { type: 'object', properties: { reason: { type: 'string' } } } })
  accept(@Param('story') story: string, @Param('linkId') linkId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, linkId, 'accepted', reasonOf(body, false), request, response);
  }

  @Post(':linkId/reject')
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  reject(@Param('story') story: string, @Param('linkId') linkId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, linkId, 'rejected', reasonOf(body, true), request, response);
  }

  private async resolve(story: string, linkId: string, decision: 'accepted' | 'rejected', reason: string | null, request: Request & Authenticated, response: Response): Promise<Omit<ProposalResolvedAnswer, 'revision'>> {
    if (!isUuid(linkId)) throw invalid('linkId', `must be a proposal id, got "${linkId.slice(0, 60)}"`);
    const answer = await this.commands.execute(new ResolveLinkProposalCommand(await storyIdOf(this.locator, story), linkId.toLowerCase(), decision, reason, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
