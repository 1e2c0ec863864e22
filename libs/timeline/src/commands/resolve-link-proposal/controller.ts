import { Body, Controller, Param, Post, Req, Res, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { acceptProposalBody, proposalParams, ProposalResolved, rejectProposalBody, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../http/request-context';
import { MEMBERSHIP_LOCATOR, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { answerWrite } from '../../http/write-outcome';
import { ResolveLinkProposalCommand, type ProposalResolvedAnswer } from './command';
import { parseResolution, proposalIdFromParam, type ProposalDecision } from './request';

/** The analyst's answers to the links the extractor proposed. (The queue itself is a read: libs/projections.) */
const PROPOSAL_ERRORS = {
  404: 'no such story or proposal (STORY.NOT_FOUND, PROPOSAL.NOT_FOUND)',
  409: 'the proposal was resolved the other way (PROPOSAL.RESOLVED)',
  412: 'the story moved on since If-Match (STORY.VERSION_STALE)',
};

@ApiTags('facts')
@Controller('stories/:story/link-proposals')
export class ResolveLinkProposalController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
  ) {}

  @Post(':linkId/accept')
  @ApiContract({ operationId: 'acceptLinkProposal', summary: 'Accept a proposed link (it becomes a link)', params: proposalParams, headers: writeHeaders, body: { schema: acceptProposalBody }, bodyRequired: false, ok: [{ status: 201, description: 'the decision was recorded', schema: ProposalResolved, headers: WRITE_HEADERS }, { status: 200, description: 'nothing appended: it already was so', schema: ProposalResolved, headers: WRITE_HEADERS }], errors: PROPOSAL_ERRORS })
  accept(@Param('story') story: string, @Param('linkId') linkId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, linkId, 'accepted', body, request, response);
  }

  @Post(':linkId/reject')
  @ApiContract({ operationId: 'rejectLinkProposal', summary: 'Reject a proposed link, with a reason', params: proposalParams, headers: writeHeaders, body: { schema: rejectProposalBody }, ok: [{ status: 201, description: 'the decision was recorded', schema: ProposalResolved, headers: WRITE_HEADERS }, { status: 200, description: 'nothing appended: it already was so', schema: ProposalResolved, headers: WRITE_HEADERS }], errors: PROPOSAL_ERRORS })
  reject(@Param('story') story: string, @Param('linkId') linkId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, linkId, 'rejected', body, request, response);
  }

  private async resolve(story: string, linkId: string, decision: ProposalDecision, body: unknown, request: Request & Authenticated, response: Response): Promise<Omit<ProposalResolvedAnswer, 'revision'>> {
    const { reason } = parseResolution(body, decision);
    const id = proposalIdFromParam(linkId);
    const answer = await this.commands.execute(new ResolveLinkProposalCommand(await storyIdOf(this.locator, story), id, decision, reason, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
