import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { normaliseSourceName, sourceIdForName, sourceStream, storyStream } from '@storyline/story-events';
import type { Decide } from '../../command-handling/decider';
import { sourceFold, storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { assertNotAnotherSource } from '../../command-handling/sources';
import type { StoredAliasProposal, StoryState } from '../../command-handling/story-state';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { ResolveSourceAliasProposalCommand, type AliasProposalResolvedAnswer } from './command';
import { decideAliasFromProposal, decideResolveSourceAliasProposal, type ResolveSourceAliasProposal } from './decide';

/** Refuses what the answer would refuse, and appends nothing: what accepting must know before it writes to the source. */
const proposalAsAnswered: Decide<StoryState, ResolveSourceAliasProposal, never, StoredAliasProposal> = (state, command, context) => ({
  events: [],
  outcome: decideResolveSourceAliasProposal(state, command, context).outcome,
});

/**
 * Accepting writes two streams: the alias on the source first (idempotent), then the answer on
 * the story. A failure between them leaves the proposal open with the alias already added;
 * accepting again records the answer and adds nothing twice.
 */
@CommandHandler(ResolveSourceAliasProposalCommand)
export class ResolveSourceAliasProposalHandler implements ICommandHandler<ResolveSourceAliasProposalCommand, AliasProposalResolvedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ storyId, proposalId, decision, reason, sourceId, context }: ResolveSourceAliasProposalCommand): Promise<AliasProposalResolvedAnswer> {
    const command: ResolveSourceAliasProposal = { storyId, proposalId, decision, reason, sourceId: null };
    const { result: proposal, lastPosition: seen, revision: current } = await runCommand(this.store, storyStream(storyId), storyFold, context, proposalAsAnswered, command);
    if (proposal.status === decision) {
      // Answered so already: the alias went to its source before the answer was recorded.
      const readYourWrites = await this.readModels.waitFor(seen);
      return { proposalId, decision, sourceId: proposal.sourceId, position: seen, changed: false, revision: current, readYourWrites };
    }
    let target: string | null = null;
    let sourcePosition = 0n;
    if (decision === 'accepted') {
      target = sourceId ?? sourceIdForName(normaliseSourceName(proposal.canonical));
      await assertNotAnotherSource(this.store, proposal.alias, 'proposal');
      const added = await runCommand(this.store, sourceStream(target), sourceFold, { ...context, expectedRevision: null }, decideAliasFromProposal, { sourceId: target, proposal, named: sourceId !== null }, { storyId, proposalId });
      sourcePosition = added.appended?.position ?? 0n;
    }
    const { appended, lastPosition, revision } = await runCommand(this.store, storyStream(storyId), storyFold, { ...context, expectedRevision: null }, decideResolveSourceAliasProposal, { ...command, sourceId: target });
    const position = lastPosition > sourcePosition ? lastPosition : sourcePosition;
    const readYourWrites = await this.readModels.waitFor(position);
    return { proposalId, decision, sourceId: target, position, changed: appended !== null, revision, readYourWrites };
  }
}
