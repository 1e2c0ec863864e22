import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { answerWrite } from '../../http/write-outcome';
import { ResolveLinkProposalCommand, type ProposalResolvedAnswer } from './command';
import { parseResolution, proposalIdFromParam, type ProposalDecision } from './request';

/** The analyst's answers to the links the extractor proposed. (The queue itself is a read: libs/projections.) */
@ApiTags('facts')
@Controller('stories/:story/link-proposals')
export class ResolveLinkProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':linkId/accept')
  @ApiBody({ required: false, schema: { type: 'object', properties: { reason: { type: 'string' } } } })
  accept(@Param('story') story: string, @Param('linkId') linkId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, linkId, 'accepted', body, request, response);
  }

  @Post(':linkId/reject')
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  reject(@Param('story') story: string, @Param('linkId') linkId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, linkId, 'rejected', body, request, response);
  }

  private async resolve(story: string, linkId: string, decision: ProposalDecision, body: unknown, request: Request & Authenticated, response: Response): Promise<Omit<ProposalResolvedAnswer, 'revision'>> {
    const { reason } = parseResolution(body, decision);
    const id = proposalIdFromParam(linkId);
    const answer = await this.commands.execute(new ResolveLinkProposalCommand(storyIdFromRef(story), id, decision, reason, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
