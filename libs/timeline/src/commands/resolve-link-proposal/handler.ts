import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { ResolveLinkProposalCommand, type ProposalResolvedAnswer } from './command';
import { decideResolveLinkProposal } from './decide';

@CommandHandler(ResolveLinkProposalCommand)
export class ResolveLinkProposalHandler implements ICommandHandler<ResolveLinkProposalCommand, ProposalResolvedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ storyId, linkId, decision, reason, context }: ResolveLinkProposalCommand): Promise<ProposalResolvedAnswer> {
    const { appended, lastPosition, revision } = await runCommand(this.store, storyStream(storyId), storyFold, context, decideResolveLinkProposal, { storyId, linkId, decision, reason });
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { linkId, decision, position: lastPosition, changed: appended !== null, revision: revision, readYourWrites };
  }
}
