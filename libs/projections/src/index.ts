import type { EventStore } from '@storyline/event-store';
import { LinkProposer } from './link-proposals/link-proposer.reactor';
import { ReportRouter } from './inbox/report-router.reactor';
import { SourceAliasProposer } from './source-alias-proposals/source-alias-proposer.reactor';
import { ClaimsProjection } from './claims/claims.projection';
import { MembershipProjection } from './membership/membership.projection';
import { FactHistoryProjection } from './facts/fact-history.projection';
import type { Projection } from './runtime/projection';
import { SourceLedgerProjection } from './source-ledger/source-ledger.projection';
import { StoriesProjection } from './stories/stories.projection';
import { TimelineProjection } from './timeline/timeline.projection';

export * from './schema';
export { asProjectedEvent, type ProjectedEvent, type Projection } from './runtime/projection';
export { ProjectionFailedError } from './runtime/errors';
export {
  ProjectionRunner,
  type ProjectionLogger,
  type ProjectionRunnerOptions,
  type ProjectionRunnerStatus,
} from './runtime/projection-runner';
export { ADVISORY_LOCKS } from './runtime/advisory-locks';
export { readCheckpoints } from './runtime/checkpoints';
export * from './rebuild';
export { StoriesProjection } from './stories/stories.projection';
export { StoriesReader } from './stories/stories.reader';
export { TimelineProjection } from './timeline/timeline.projection';
export { TimelineReader, type Timeline, type TimelineQuery } from './timeline/timeline.reader';
export type { TimelineEntry, TimelineLink } from './timeline/timeline-entry';
export { SourceLedgerProjection } from './source-ledger/source-ledger.projection';
export { SourceLedgerReader, type SourceLedger } from './source-ledger/source-ledger.reader';
export type { SourceRecord } from './source-ledger/source-grouping';
export { normaliseStatement } from './source-ledger/statement-key';
export { FactHistoryProjection } from './facts/fact-history.projection';
export type { FactContent } from './facts/fact-state';
export type { FactScope, FactView } from './facts/fact-view';
export { FactLocator } from './facts/fact-locator';
export { LineageReader, type FactLineage, type LineageStep, type LineageStepKind } from './lineage/lineage.reader';
export {
  DiffReader,
  type ContradictedFact,
  type CorrectedFact,
  type DiffFact,
  type DiffQuery,
  type DiffReport,
  type RetractedFact,
  type StoryDiff,
} from './diff/diff.reader';

/**
 * The read side's reactors: followed like projections by the same runner (their index and
 * checkpoint commit together), they also append events (link and source-alias proposals, routing decisions). Not rebuilt with
 * the read models.
 */
export function storylineReactors(store: EventStore): Projection[] {
  return [new LinkProposer(store), new SourceAliasProposer(store), new ReportRouter(store)];
}
export { ReportRouter, ROUTER_ACTOR } from './inbox/report-router.reactor';
export { INBOX_STATUSES, ListInboxQuery, type InboxPage, type InboxProposalView, type InboxReportView, type InboxStatus } from './inbox/list-inbox.query';
export { SOURCE_ALIAS_RULES_NAME, sourceAliasProposalId } from './source-alias-proposals/source-alias-proposer.reactor';
export { ListSourceAliasProposalsQuery, type SourceAliasProposalView } from './source-alias-proposals/list-source-alias-proposals.query';
export { CANDIDATES_PER_FACT, PROPOSAL_MIN_SCORE, PROPOSALS_PER_FACT } from './link-proposals/link-proposer.reactor';

/** Every projection the API serves, for one {@link ProjectionRunner}. */
export function storylineProjections(): Projection[] {
  return [new StoriesProjection(), new TimelineProjection(), new SourceLedgerProjection(), new FactHistoryProjection(), new ClaimsProjection(), new MembershipProjection()];
}
export { ClaimsProjection } from './claims/claims.projection';
export { MembershipProjection } from './membership/membership.projection';
export { GetMembershipQuery, type MembershipView } from './membership/membership.query';
export { MembershipReader, MEMBERSHIP_PROJECTION, type MembershipChange, type ReportPlace, type StoryMembers } from './membership/membership.reader';
export { ClaimsReader, type ClaimView, type DevelopmentView, type StoryClaims, type StoryDevelopments } from './claims/claims.reader';
export { GetClaimsQuery, GetKeyDevelopmentsQuery, type ClaimsView, type DevelopmentsView } from './claims/get-claims.query';
export { pause } from './runtime/pause';
export { ReadSideModule } from './read-side.module';
export { parseAsOf, parseOrder } from './http/as-of';
export { resolveStory, resolveStoryAsNamed } from './stories/resolve-story';
export { type ResolvedStory } from './stories/stories.reader';
export { GetStoryQuery, ListStoriesQuery } from './stories/list-stories.query';
export { GetTimelineQuery, type TimelineView } from './timeline/get-timeline.query';
export { DEFAULT_TIMELINE_PAGE, MAX_TIMELINE_PAGE, parseTimelinePage, type TimelinePaging } from './timeline/timeline-page';
export { GetSourceLedgerQuery, type SourceLedgerView } from './source-ledger/get-source-ledger.query';
export { GetFactLineageQuery } from './lineage/get-lineage.query';
export { GetStoryDiffQuery } from './diff/get-story-diff.query';
export { ListLinkProposalsQuery, type LinkProposalView, type ProposalStatus } from './link-proposals/list-link-proposals.query';
export * from './replay/replay';
export * from './replay/replay-state';
export * from './replay/replay-story.query';
export * from './replay/replay-streamer';
