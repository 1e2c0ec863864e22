import type { Position } from '@storyline/story-events';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { WriteOutcome } from '../../http/write-outcome';
import type { ProposalDecision } from './request';

export interface ProposalResolvedAnswer extends WriteOutcome {
  readonly linkId: string;
  readonly decision: ProposalDecision;
  readonly position: Position;
  readonly changed: boolean;
}

export class ResolveLinkProposalCommand extends Command<ProposalResolvedAnswer> {
  constructor(
    readonly storyId: string,
    readonly linkId: string,
    readonly decision: ProposalDecision,
    readonly reason: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
