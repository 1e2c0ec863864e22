import type { Position } from '@storyline/story-events';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { WriteOutcome } from '../../http/write-outcome';
import type { AliasProposalDecision } from './request';

export interface AliasProposalResolvedAnswer extends WriteOutcome {
  readonly proposalId: string;
  readonly decision: AliasProposalDecision;
  /** Accepted: the source the alias now belongs to. */
  readonly sourceId: string | null;
  readonly position: Position;
  readonly changed: boolean;
}

export class ResolveSourceAliasProposalCommand extends Command<AliasProposalResolvedAnswer> {
  constructor(
    readonly storyId: string,
    readonly proposalId: string,
    readonly decision: AliasProposalDecision,
    readonly reason: string | null,
    /** Accepting: the source chosen by the analyst, else null (the canonical name's). */
    readonly sourceId: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
