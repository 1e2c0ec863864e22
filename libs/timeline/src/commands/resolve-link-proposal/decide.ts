import { DomainError, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { requireOpened } from '../../command-handling/fact-rules';
import { linkKey, type StoryState } from '../../command-handling/story-state';
import type { ProposalDecision } from './request';

export interface ResolveLinkProposal {
  readonly storyId: string;
  readonly linkId: string;
  readonly decision: ProposalDecision;
  readonly reason: string | null;
}

/**
 * An analyst accepts or rejects a proposal. Accepting also records the link itself, so
 * everything that reads links sees it; answering the same way twice changes nothing.
 */
export function decideResolveLinkProposal(state: StoryState, command: ResolveLinkProposal, _context: DecisionContext): Decision<StoryEvent, null> {
  const { storyId, linkId, decision, reason } = command;
  requireOpened(state, storyId);
  const proposal = state.proposals.get(linkId);
  if (!proposal) throw new DomainError('PROPOSAL.NOT_FOUND', `no link proposal ${linkId} in this story`, 'proposal');
  if (proposal.status === decision) return { events: [], outcome: null };
  if (proposal.status !== 'proposed') throw new DomainError('PROPOSAL.RESOLVED', `proposal ${linkId} was already ${proposal.status}`, 'proposal');
  const resolved: StoryEvent = { type: 'LinkProposalResolved', data: { storyId, linkId, decision, reason } };
  const { fromFactId, toFactId, kind } = proposal;
  if (decision === 'rejected' || state.links.has(linkKey(fromFactId, toFactId, kind))) return { events: [resolved], outcome: null };
  return { events: [resolved, { type: 'FactsLinked', data: { storyId, linkId, fromFactId, toFactId, kind, reason: reason ?? proposal.reason } }], outcome: null };
}
