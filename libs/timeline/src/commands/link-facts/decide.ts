import { invalid, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { knownFact, requireOpened } from '../../command-handling/fact-rules';
import { linkKey, type StoryState } from '../../command-handling/story-state';
import type { LinkRequest } from './request';

export interface LinkFacts extends LinkRequest {
  readonly storyId: string;
}

/** One link of a kind between two facts: asking again answers with the existing link. */
export function decideLinkFacts(state: StoryState, command: LinkFacts, context: DecisionContext): Decision<StoryEvent, { linkId: string; created: boolean }> {
  requireOpened(state, command.storyId);
  const { storyId, fromFactId, toFactId, kind, reason } = command;
  if (fromFactId === toFactId) throw invalid('toFactId', 'must be another fact than fromFactId');
  knownFact(state, fromFactId, 'fromFactId');
  knownFact(state, toFactId, 'toFactId');
  const existing = state.links.get(linkKey(fromFactId, toFactId, kind));
  if (existing) return { events: [], outcome: { linkId: existing, created: false } };
  const linkId = context.newId();
  return { events: [{ type: 'FactsLinked', data: { storyId, linkId, fromFactId, toFactId, kind, reason } }], outcome: { linkId, created: true } };
}
