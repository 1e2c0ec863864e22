import { DomainError, type RoutingProposal } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { InboxState, InboxStreamEvent } from '../../command-handling/inbox-state';
import type { ResolveRouting, RoutingResolved } from './request';

/**
 * An analyst accepts a waiting report into a story (the one named, else the router's first
 * proposal, which may be a new story) or rejects it. Answering the same way twice changes
 * nothing; a report the router already placed, or an analyst already answered otherwise, is
 * refused. Accepting moves the report out of the inbox (`ReportMoved`). A report the router has not routed yet is refused too, so that the router's own
 * decision can never land after an analyst's.
 */
export function decideResolveRouting(state: InboxState, command: ResolveRouting, _context?: DecisionContext): Decision<InboxStreamEvent, RoutingResolved> {
  const report = state.routing.get(command.reportId);
  if (!report) throw new DomainError('INBOX.REPORT_NOT_FOUND', `no report ${command.reportId} in this inbox`, 'report');
  if (report.status === 'unrouted') throw new DomainError('INBOX.NOT_ROUTED', `report ${command.reportId} is not routed yet; try again shortly`, 'report');
  const target = command.kind === 'accept' ? chosenStory(report.proposals, command) : null;
  if (report.status !== 'waiting') {
    const same = command.kind === 'reject' ? report.status === 'rejected' : report.status === 'accepted' && (command.storyId === null || report.storyId === target?.storyId);
    if (same) return { events: [], outcome: { storyId: report.storyId, opened: false, changed: false } };
    const where = report.storyId === null ? '' : ` (story ${report.storyId})`;
    throw new DomainError('INBOX.ALREADY_RESOLVED', `report ${command.reportId} was already ${report.status}${where}`, 'report');
  }
  if (command.kind === 'reject') {
    return { events: [{ type: 'RoutingRejected', data: { inboxId: command.inboxId, reportId: command.reportId, reason: command.reason } }], outcome: { storyId: null, opened: false, changed: true } };
  }
  const { storyId, opened } = target!;
  return {
    events: [
      { type: 'RoutingAccepted', data: { inboxId: command.inboxId, reportId: command.reportId, storyId, opened, reason: command.reason } },
      // The report leaves the inbox (the "story" it was stored in) for the accepted story.
      { type: 'ReportMoved', data: { storyId: command.inboxId, reportId: command.reportId, toStoryId: storyId, reason: command.reason ?? 'accepted from the inbox' } },
    ],
    outcome: { storyId, opened, changed: true },
  };
}

function chosenStory(proposals: readonly RoutingProposal[], command: Extract<ResolveRouting, { kind: 'accept' }>) {
  if (command.storyId !== null) return { storyId: command.storyId, opened: command.storyId === command.newStory.storyId };
  const first = proposals[0];
  if (first === undefined || first.storyId === null) return { storyId: command.newStory.storyId, opened: true };
  return { storyId: first.storyId, opened: false };
}
