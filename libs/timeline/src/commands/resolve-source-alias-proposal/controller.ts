import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { answerWrite } from '../../http/write-outcome';
import { acceptAliasBody, aliasProposalParams, AliasProposalResolved, rejectAliasBody, WRITE_HEADERS, writeHeaders } from '../../http/schema';
import { ResolveSourceAliasProposalCommand, type AliasProposalResolvedAnswer } from './command';
import { aliasProposalIdFromParam, parseAliasResolution, type AliasProposalDecision } from './request';

const RESOLVED = [
  { status: 201, description: 'the decision was recorded', schema: AliasProposalResolved, headers: WRITE_HEADERS },
  { status: 200, description: 'the same decision was made before: nothing appended', schema: AliasProposalResolved, headers: WRITE_HEADERS },
];

/** The analyst's answers to the source aliases proposed across reports. (The queue itself is a read: libs/projections.) */
@ApiTags('sources')
@Controller('stories/:story/source-alias-proposals')
export class ResolveSourceAliasProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':proposalId/accept')
  @ApiContract({
    operationId: 'acceptSourceAliasProposal',
    summary: 'Accept a proposed source alias: the alias is added to the source',
    params: aliasProposalParams,
    headers: writeHeaders,
    body: { schema: acceptAliasBody },
    bodyRequired: false,
    ok: RESOLVED,
    errors: {
      404: 'no such story, proposal or source (STORY.NOT_FOUND, PROPOSAL.NOT_FOUND, SOURCE.NOT_FOUND)',
      409: "the proposal was resolved already, or the alias is another source's name (PROPOSAL.RESOLVED, SOURCE.ALIAS_TAKEN)",
      412: 'the stream moved on since If-Match (STORY.VERSION_STALE)',
    },
  })
  accept(@Param('story') story: string, @Param('proposalId') proposalId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, proposalId, 'accepted', body, request, response);
  }

  @Post(':proposalId/reject')
  @ApiContract({
    operationId: 'rejectSourceAliasProposal',
    summary: 'Reject a proposed source alias',
    params: aliasProposalParams,
    headers: writeHeaders,
    body: { schema: rejectAliasBody },
    ok: RESOLVED,
    errors: {
      404: 'no such story or proposal (STORY.NOT_FOUND, PROPOSAL.NOT_FOUND)',
      409: 'the proposal was resolved already (PROPOSAL.RESOLVED)',
      412: 'the stream moved on since If-Match (STORY.VERSION_STALE)',
    },
  })
  reject(@Param('story') story: string, @Param('proposalId') proposalId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, proposalId, 'rejected', body, request, response);
  }

  private async resolve(story: string, proposalId: string, decision: AliasProposalDecision, body: unknown, request: Request & Authenticated, response: Response): Promise<Omit<AliasProposalResolvedAnswer, 'revision'>> {
    const { reason, sourceId } = parseAliasResolution(body, decision);
    const id = aliasProposalIdFromParam(proposalId);
    const answer = await this.commands.execute(new ResolveSourceAliasProposalCommand(storyIdFromRef(story), id, decision, reason, sourceId, commandContext(request)));
    response.status(answer.changed ? 201 : 200);
    return answerWrite(response, answer);
  }
}
