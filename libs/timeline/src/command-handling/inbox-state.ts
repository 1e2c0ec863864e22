import type { StoredEvent } from '@storyline/event-store';
import { assertNever, type InboxEvent, type RoutingProposal, type StoryEvent } from '@storyline/story-events';
import { emptyStoryState, evolveStory, type StoryState } from './story-state';
import type { Fold } from './stream-decider';

/** The events an inbox's stream holds: the reports sent to it (story events) and its own. */
export type InboxStreamEvent = StoryEvent | InboxEvent;

/** Where a report sent to an inbox stands. */
export type InboxReportStatus = 'unrouted' | 'waiting' | 'joined' | 'opened' | 'accepted' | 'rejected';

export interface InboxReport {
  status: InboxReportStatus;
  proposals: readonly RoutingProposal[];
  /** The story it joined, opened or was accepted into. */
  storyId: string | null;
  headline: string | null;
}

/**
 * What an inbox's decisions need of its past: its policy, each report's routing status, and
 * (in `reports`) what the ingest decider needs to recognise a report sent twice. The reports
 * sent to an inbox fold exactly as a story's do.
 */
export interface InboxState {
  name: string | null;
  policy: { autoJoinAt: number; autoOpen: boolean } | null;
  readonly routing: Map<string, InboxReport>;
  readonly reports: StoryState;
}

export const emptyInboxState = (): InboxState => ({ name: null, policy: null, routing: new Map(), reports: { ...emptyStoryState(), opened: true } });

/** Folds one event into `state`, in place. */
export function evolveInbox(state: InboxState, event: InboxStreamEvent, stored?: Pick<StoredEvent, 'position' | 'metadata'>): InboxState {
  switch (event.type) {
    case 'InboxPolicySet':
      state.name = event.data.name;
      state.policy = { autoJoinAt: event.data.autoJoinAt, autoOpen: event.data.autoOpen };
      return state;
    case 'ReportRouted': {
      const report = state.routing.get(event.data.reportId);
      if (!report || report.status !== 'unrouted') return state;
      report.proposals = event.data.proposals;
      report.storyId = event.data.storyId;
      report.status = event.data.decision;
      return state;
    }
    case 'RoutingAccepted': {
      const report = state.routing.get(event.data.reportId);
      if (report) Object.assign(report, { status: 'accepted', storyId: event.data.storyId });
      return state;
    }
    case 'RoutingRejected': {
      const report = state.routing.get(event.data.reportId);
      if (report) report.status = 'rejected';
      return state;
    }
    case 'ReportIngested':
      if (!state.routing.has(event.data.reportId)) state.routing.set(event.data.reportId, { status: 'unrouted', proposals: [], storyId: null, headline: event.data.headline });
      evolveStory(state.reports, event, recordedOf(stored));
      return state;
    case 'StoryOpened':
    case 'FactReported':
    case 'FactAmended':
    case 'FactCorrected':
    case 'FactRetracted':
    case 'FactsLinked':
    case 'VerdictRecorded':
    case 'LinkProposed':
    case 'LinkProposalResolved':
    case 'ReportMoved':
    case 'ReportsSplit':
    case 'StoryMerged':
    case 'StoryRenamed':
    case 'SourceAliasProposed':
    case 'SourceAliasProposalResolved':
      evolveStory(state.reports, event, recordedOf(stored));
      return state;
    default:
      return assertNever(event);
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function recordedOf(stored: Pick<StoredEvent, 'position' | 'metadata'> | undefined) {
  if (!stored) return { position: 0n };
  return { position: stored.position, idempotencyKey: text(stored.metadata.idempotencyKey), requestFingerprint: text(stored.metadata.requestFingerprint) };
}

export const inboxFold: Fold<InboxState, InboxStreamEvent> = {
  initial: emptyInboxState,
  evolve: (state, event, stored) => evolveInbox(state, event, stored),
};

