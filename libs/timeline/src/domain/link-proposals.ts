import { DomainError } from '@storyline/story-events';
import type { StoryEvent } from '@storyline/story-events';
import { linkKey, type StoryState } from './story-state';

/**
 * An analyst accepts or rejects a proposal. Accepting also records the link itself, so
 * everything that reads links sees it; answering the same way twice changes nothing.
 */
export function decideResolveProposal(state: StoryState, storyId: string, linkId: string, decision: 'accepted' | 'rejected', reason: string | null): StoryEvent[] {
  const proposal = state.proposals.get(linkId);
  if (!proposal) throw new DomainError('PROPOSAL.NOT_FOUND', `no link proposal ${linkId} in this story`, 'proposal');
  if (proposal.status === decision) return [];
  if (proposal.status !== 'proposed') throw new DomainError('PROPOSAL.RESOLVED', `proposal ${linkId} was already ${proposal.status}`, 'proposal');
  const resolved: StoryEvent = { type: 'LinkProposalResolved', data: { storyId, linkId, decision, reason } };
  const { fromFactId, toFactId, kind } = proposal;
  if (decision === 'rejected' || state.links.has(linkKey(fromFactId, toFactId, kind))) return [resolved];
  return [resolved, { type: 'FactsLinked', data: { storyId, linkId, fromFactId, toFactId, kind, reason: reason ?? proposal.reason } }];
}
