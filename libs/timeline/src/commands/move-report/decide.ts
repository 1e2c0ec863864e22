import { DomainError, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { StoryState } from '../../command-handling/story-state';
import type { StoryStanding } from '../../membership-locator';
import { requireStanding } from '../../command-handling/membership';

export interface MoveReport {
  /** The story the report is in now (its stream takes the event). */
  readonly storyId: string;
  readonly reportId: string;
  readonly to: StoryStanding;
  readonly reason: string;
}

/**
 * Moves a report to another story. Moving it to the story it is already in changes nothing
 * (no event, `moved: false`), so a retried move is harmless.
 */
export function decideMoveReport(state: StoryState, command: MoveReport, _context: DecisionContext): Decision<StoryEvent, { moved: boolean }> {
  requireStanding(state, command.storyId, 'report');
  const { to } = command;
  if (to.mergedInto) throw new DomainError('STORY.MERGED', `story ${to.slug} was merged into ${to.mergedInto}; move the report there`, 'to');
  if (to.id === command.storyId) return { events: [], outcome: { moved: false } };
  return {
    events: [{ type: 'ReportMoved', data: { storyId: command.storyId, reportId: command.reportId, toStoryId: to.id, reason: command.reason } }],
    outcome: { moved: true },
  };
}
