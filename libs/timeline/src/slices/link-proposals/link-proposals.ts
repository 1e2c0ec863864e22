import { writtenRevisionToJson, type WriteOutcome } from '../../http/write-outcome';
import { Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import type { CommandContext } from '../../command-handling/command-context';
import { storyFold } from '../../command-handling/folds';
import { decideOnStream } from '../../command-handling/stream-decider';
import { DomainError } from '@storyline/story-events';
import { positionToJson, storyStream } from '@storyline/story-events';
import { decideResolveProposal } from '../../domain/link-proposals';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';

export interface ProposalResolvedAnswer extends WriteOutcome {
  readonly linkId: string;
  readonly decision: 'accepted' | 'rejected';
  readonly position: number;
  readonly changed: boolean;
}

export class ResolveLinkProposalCommand extends Command<ProposalResolvedAnswer> {
  constructor(
    readonly storyId: string,
    readonly linkId: string,
    readonly decision: 'accepted' | 'rejected',
    readonly reason: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ResolveLinkProposalCommand)
export class ResolveLinkProposalHandler implements ICommandHandler<ResolveLinkProposalCommand, ProposalResolvedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ storyId, linkId, decision, reason, context }: ResolveLinkProposalCommand): Promise<ProposalResolvedAnswer> {
    const { appended, lastPosition, revision } = await decideOnStream(this.store, storyStream(storyId), storyFold, context, (state) => {
      if (!state.opened) throw new DomainError('STORY.NOT_FOUND', `story ${storyId} does not exist`, 'story');
      return { events: decideResolveProposal(state, storyId, linkId, decision, reason), result: () => undefined };
    });
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { linkId, decision, position: positionToJson(lastPosition), changed: appended !== null, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}
