import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { commandContext, type Authenticated } from '../../http/request-context';
import { storyIdFromRef } from '../../http/story-ref';
import { answerWrite } from '../../http/write-outcome';
import { ResolveSourceAliasProposalCommand, type AliasProposalResolvedAnswer } from './command';
import { aliasProposalIdFromParam, parseAliasResolution, type AliasProposalDecision } from './request';

/** The analyst's answers to the source aliases proposed across reports. (The queue itself is a read: libs/projections.) */
@ApiTags('sources')
@Controller('stories/:story/source-alias-proposals')
export class ResolveSourceAliasProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':proposalId/accept')
  @ApiBody({ required: false, schema: { type: 'object', properties: { reason: { type: 'string' }, source: { type: 'string', description: 'registered source (id or name) to add the alias to; default: the proposal\'s canonical name' } } } })
  accept(@Param('story') story: string, @Param('proposalId') proposalId: string, @Body() body: unknown, @Req() request: Request & Authenticated, @Res({ passthrough: true }) response: Response) {
    return this.resolve(story, proposalId, 'accepted', body, request, response);
  }

  @Post(':proposalId/reject')
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
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
