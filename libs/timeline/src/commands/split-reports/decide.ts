import { DomainError, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { StoryState } from '../../command-handling/story-state';
import type { StoryStanding } from '../../membership-locator';

export interface SplitReports {
  /** The new story: the id its slug names, whose stream the event opens. */
  readonly storyId: string;
  readonly slug: string;
  readonly title: string;
  readonly from: StoryStanding;
  /** Each listed report with the story it is in now (null: no such report). */
  readonly reports: readonly { readonly reportId: string; readonly storyId: string | null }[];
  /** A story that holds (or held, before a rename) the slug, if any. */
  readonly slugHeldBy: string | null;
  readonly reason: string;
}

/** Decided on the new story's stream, which must not exist: its slug is claimed as atomically as by opening a story. */
export function decideSplitReports(state: StoryState, command: SplitReports, _context: DecisionContext): Decision<StoryEvent, { storyId: string }> {
  const { from } = command;
  if (from.mergedInto) throw new DomainError('STORY.MERGED', `story ${from.slug} was merged into ${from.mergedInto}; split that story instead`, 'story');
  if (state.opened || command.slugHeldBy !== null) throw new DomainError('STORY.SLUG_TAKEN', `the slug "${command.slug}" is taken`, 'slug');
  command.reports.forEach(({ reportId, storyId }, index) => {
    if (storyId === null) throw new DomainError('REPORT.NOT_FOUND', `no report has the id ${reportId}`, `reports[${index}]`);
    if (storyId !== from.id) throw new DomainError('REPORT.NOT_IN_STORY', `report ${reportId} is in story ${storyId}, not in ${from.slug}`, `reports[${index}]`);
  });
  const reportIds = command.reports.map((report) => report.reportId);
  return {
    events: [{ type: 'ReportsSplit', data: { storyId: command.storyId, slug: command.slug, title: command.title, fromStoryId: from.id, reportIds, reason: command.reason } }],
    outcome: { storyId: command.storyId },
  };
}
