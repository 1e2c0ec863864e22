import type { StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { checkReport, knownFact, notBeforeReport, type OnFact } from '../../command-handling/fact-rules';
import type { StoryState } from '../../command-handling/story-state';
import type { Retraction } from './request';

/** The outlet withdrew a fact. Retracting a retracted fact again changes nothing. */
export function decideRetractFact(state: StoryState, command: OnFact & Retraction, _context: DecisionContext): Decision<StoryEvent, null> {
  const fact = knownFact(state, command.factId);
  if (fact.retracted) return { events: [], outcome: null };
  checkReport(state, command.reportId);
  notBeforeReport(state, fact, command.retractedAt, 'retractedAt');
  const { storyId, factId, reason, retractedAt, reportId } = command;
  return { events: [{ type: 'FactRetracted', data: { storyId, factId, reason, retractedAt, reportId } }], outcome: null };
}
