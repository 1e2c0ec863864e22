import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import type { Request, Response } from 'express';
import { storyFold } from '../../command-handling/folds';
import { foldEvents } from '../../command-handling/stream-decider';
import { invalid } from '@storyline/story-events';
import { storyStream } from '@storyline/story-events';
import { isUuid } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { StoriesReader } from '@storyline/projections';
import { resolveStory } from '../list-stories/resolve-story';
import { ResolveLinkProposalCommand, type ProposalResolvedAnswer } from './link-proposals';

const STATUSES = ['proposed', 'accepted', 'rejected'] as const;

function reasonOf(body: unknown, required: boolean): string | null {
  const input = body === undefined || body === null ? {} : read.object(body, '');
  read.rejectUnknownKeys(input, ['reason'], '');
  if (required) return read.text(input.reason, 'reason', { max: 2_000 }).trim();
  return read.optionalText(input.reason, 'reason', { max: 2_000 })?.trim() ?? null;
}

/** The analyst's queue of links the extractor proposed, and the answers to them. */
@ApiTags('facts')
@Controller('stories/:story/link-proposals')
export class LinkProposalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly stories: StoriesReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiOkResponse({ description: '{proposals: [{linkId, fromFactId, toFactId, kind, reason, status}]}, the best first' })
  async list(@Param('story') ref: string, @Query('status') status: string | undefined) {
    const wanted = status === undefined ? undefined : read.oneOf(status, 'status', STATUSES);
    const story = await resolveStory(this.stories, ref);
    const events = await this.store.readStream(storyStream(story.id));
    const state = foldEvents(storyFold, events);
    const proposals = [...state.proposals.entries()].map(([linkId, proposal]) => ({ linkId, ...proposal }));
    return { proposals: proposals.filter((proposal) => wanted === undefined || proposal.status === wanted) };
  }

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

  private async resolve(story: string, linkId: string, decision: 'accepted' | 'rejected', reason: string | null, request: Request & Authenticated, response: Response): Promise<ProposalResolvedAnswer> {
    if (!isUuid(linkId)) throw invalid('linkId', `must be a proposal id, got "${linkId.slice(0, 60)}"`);
    const answer = await this.commands.execute(new ResolveLinkProposalCommand(storyIdFromRef(story), linkId.toLowerCase(), decision, reason, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answer;
  }
}
