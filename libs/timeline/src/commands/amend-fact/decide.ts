import type { StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { checkEvidence, liveFact, type OnFact } from '../../command-handling/fact-rules';
import type { StoryState } from '../../command-handling/story-state';
import type { Amendment } from './request';

/** A fix to how Storyline recorded a fact: refused for a retracted fact, or evidence beyond its report. */
export function decideAmendFact(state: StoryState, command: OnFact & Amendment, _context: DecisionContext): Decision<StoryEvent, null> {
  const fact = liveFact(state, command.factId);
  checkEvidence(state, fact, command.changes);
  const { storyId, factId, changes, reason } = command;
  return { events: [{ type: 'FactAmended', data: { storyId, factId, changes, reason } }], outcome: null };
}
