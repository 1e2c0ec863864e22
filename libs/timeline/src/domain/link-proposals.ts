import { EXTRACTOR, proposeLinks, type LinkableFact } from '@storyline/extraction';
import { DomainError } from '@storyline/story-events';
import type { FactReported, StoryEvent } from '@storyline/story-events';
import { nameBasedId } from '@storyline/story-events';
import { linkKey, type StoryState } from './story-state';

/** Proposals below this score are noise to an analyst; above it, worth a look. */
export const PROPOSAL_MIN_SCORE = 0.5;
/** At most this many proposals for one new fact, the best first. */
export const PROPOSALS_PER_FACT = 3;

const proposalId = (fromFactId: string, toFactId: string, kind: string): string => nameBasedId(`link-proposal:${fromFactId}:${toFactId}:${kind}`);

/**
 * The links a new report's facts may have with the story's earlier facts (not retracted),
 * as LinkProposed events. Pure: the same story and report always propose the same links,
 * with ids derived from what they link.
 */
export function proposeLinkEvents(state: StoryState, newFacts: readonly FactReported[]): StoryEvent[] {
  const earlier: LinkableFact[] = [...state.facts.entries()]
    .filter(([, fact]) => !fact.retracted)
    .map(([id, fact]) => ({ id, reportId: fact.reportId, statement: fact.statement, entities: fact.entities, modality: fact.modality }));
  if (earlier.length === 0 || newFacts.length === 0) return [];
  const incoming: LinkableFact[] = newFacts.map(({ data }) => ({
    id: data.factId,
    reportId: data.reportId,
    statement: data.statement,
    entities: data.entities.map((entity) => entity.name),
    modality: data.modality,
  }));
  const chosen = new Map<string, number>();
  return proposeLinks(incoming, earlier)
    .filter((candidate) => candidate.score >= PROPOSAL_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.toFactId.localeCompare(b.toFactId))
    .filter((candidate) => {
      const taken = chosen.get(candidate.fromFactId) ?? 0;
      chosen.set(candidate.fromFactId, taken + 1);
      return taken < PROPOSALS_PER_FACT;
    })
    .map((candidate) => ({
      type: 'LinkProposed',
      data: {
        storyId: newFacts[0].data.storyId,
        linkId: proposalId(candidate.fromFactId, candidate.toFactId, candidate.kind),
        fromFactId: candidate.fromFactId,
        toFactId: candidate.toFactId,
        kind: candidate.kind,
        score: Math.round(candidate.score * 1000) / 1000,
        reason: candidate.reason,
        proposedBy: `${EXTRACTOR.name} ${EXTRACTOR.version}`,
      },
    }));
}

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
