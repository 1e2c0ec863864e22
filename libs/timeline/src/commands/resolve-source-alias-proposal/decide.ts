import { DomainError, normaliseSourceName, type SourceEvent, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { requireOpened } from '../../command-handling/fact-rules';
import type { SourceState } from '../../command-handling/source-state';
import type { SourceNames } from '../../command-handling/sources';
import type { StoredAliasProposal, StoryState } from '../../command-handling/story-state';
import type { AliasProposalDecision } from './request';

export interface ResolveSourceAliasProposal {
  readonly storyId: string;
  readonly proposalId: string;
  readonly decision: AliasProposalDecision;
  readonly reason: string | null;
  /** The source the alias is added to (accepting), else null. */
  readonly sourceId: string | null;
}

/**
 * An analyst accepts or rejects a source-alias proposal: the answer, with its reason, is
 * recorded on the story (the actor with the event). Answering the same way twice changes
 * nothing; the other answer to an answered proposal is refused. The outcome is the proposal,
 * which accepting then adds to the source (see {@link decideAliasFromProposal}).
 */
export function decideResolveSourceAliasProposal(state: StoryState, command: ResolveSourceAliasProposal, _context: DecisionContext): Decision<StoryEvent, StoredAliasProposal> {
  const { storyId, proposalId, decision, reason, sourceId } = command;
  requireOpened(state, storyId);
  const proposal = state.aliasProposals.get(proposalId);
  if (!proposal) throw new DomainError('PROPOSAL.NOT_FOUND', `no source-alias proposal ${proposalId} in this story`, 'proposal');
  if (proposal.status === decision) return { events: [], outcome: proposal };
  if (proposal.status !== 'proposed') throw new DomainError('PROPOSAL.RESOLVED', `source-alias proposal ${proposalId} was already ${proposal.status}`, 'proposal');
  const resolved: StoryEvent = { type: 'SourceAliasProposalResolved', data: { storyId, proposalId, decision, reason, sourceId: decision === 'accepted' ? sourceId : null } };
  return { events: [resolved], outcome: proposal };
}

export interface AliasFromProposal {
  readonly sourceId: string;
  readonly proposal: StoredAliasProposal;
  /** The analyst named the source: it must be registered already. */
  readonly named: boolean;
}

/**
 * Accepting a proposal on the source's own stream: the proposal's alias is added to the
 * source; a source not yet registered is registered under the proposal's canonical name
 * (a person for a surname, anonymous for a group phrasing); a source the analyst named must be
 * registered. A spelling it knows changes nothing.
 */
export function decideAliasFromProposal(state: SourceState, command: AliasFromProposal, _context: DecisionContext): Decision<SourceEvent, SourceNames> {
  const { sourceId, proposal, named } = command;
  if (named && !state.registered) throw new DomainError('SOURCE.NOT_FOUND', `source ${sourceId} is not registered`, 'source');
  const events: SourceEvent[] = [];
  let names: SourceNames = { name: state.name ?? proposal.canonical, aliases: state.aliases };
  if (!state.registered) {
    const kind = proposal.rule === 'same-anonymous-group' ? 'anonymous' : 'person';
    events.push({ type: 'SourceRegistered', data: { sourceId, name: proposal.canonical, kind } });
  }
  const known = [names.name, ...names.aliases].map(normaliseSourceName);
  if (!known.includes(normaliseSourceName(proposal.alias))) {
    events.push({ type: 'SourceAliasAdded', data: { sourceId, alias: proposal.alias } });
    names = { ...names, aliases: [...names.aliases, proposal.alias] };
  }
  return { events, outcome: names };
}
