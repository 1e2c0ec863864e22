import type { StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { knownFact, type OnFact } from '../../command-handling/fact-rules';
import type { StoryState } from '../../command-handling/story-state';
import type { VerdictRequest } from './request';

/** An analyst's verdict on a fact (a retracted one too); a later verdict supersedes. */
export function decideRecordVerdict(state: StoryState, command: OnFact & VerdictRequest, _context: DecisionContext): Decision<StoryEvent, null> {
  knownFact(state, command.factId);
  const { storyId, factId, verdict, reason } = command;
  return { events: [{ type: 'VerdictRecorded', data: { storyId, factId, verdict, reason } }], outcome: null };
}
