import type { StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { checkEvidence, checkReport, liveFact, notBeforeReport, type OnFact } from '../../command-handling/fact-rules';
import type { StoryState } from '../../command-handling/story-state';
import type { Correction } from './request';

/** The outlet corrected a fact: not dated before the fact's report, citing only a report in the story. */
export function decideCorrectFact(state: StoryState, command: OnFact & Correction, _context: DecisionContext): Decision<StoryEvent, null> {
  const fact = liveFact(state, command.factId);
  checkEvidence(state, fact, command.changes);
  checkReport(state, command.reportId);
  notBeforeReport(state, fact, command.correctedAt, 'correctedAt');
  const { storyId, factId, changes, reason, correctedAt, reportId } = command;
  return { events: [{ type: 'FactCorrected', data: { storyId, factId, changes, reason, correctedAt, reportId } }], outcome: null };
}
