import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ClaimsController } from './claims/claims.controller';
import { GetMembershipHandler } from './membership/membership.query';
import { MembershipController } from './membership/membership.controller';
import { GetClaimsHandler, GetKeyDevelopmentsHandler } from './claims/get-claims.query';
import { DiffController } from './diff/diff.controller';
import { GetStoryDiffHandler } from './diff/get-story-diff.query';
import { GetFactLineageHandler } from './lineage/get-lineage.query';
import { LineageController } from './lineage/lineage.controller';
import { InboxQueryController } from './inbox/inbox.controller';
import { ListInboxHandler } from './inbox/list-inbox.query';
import { ListLinkProposalsHandler } from './link-proposals/list-link-proposals.query';
import { LinkProposalsQueryController } from './link-proposals/link-proposals.controller';
import { ListSourceAliasProposalsHandler } from './source-alias-proposals/list-source-alias-proposals.query';
import { SourceAliasProposalsQueryController } from './source-alias-proposals/source-alias-proposals.controller';
import { ReplayController } from './replay/replay.controller';
import { ReplayStoryHandler } from './replay/replay-story.handler';
import { ReplayStreamer } from './replay/replay-streamer';
import { GetSourceLedgerHandler } from './source-ledger/get-source-ledger.handler';
import { GetStoryHandler, ListStoriesHandler } from './stories/list-stories.handler';
import { StoriesQueryController } from './stories/stories.controller';
import { GetTimelineHandler } from './timeline/get-timeline.handler';
import { TimelineController } from './timeline/timeline.controller';

/**
 * Every read the API serves, one way: a controller parses the request and asks the QueryBus;
 * the query's handler, beside its reader, answers. The host provides EVENT_STORE and the
 * readers (StoriesReader, TimelineReader, SourceLedgerReader, LineageReader, DiffReader, ClaimsReader).
 */
@Module({
  imports: [CqrsModule],
  controllers: [StoriesQueryController, TimelineController, LineageController, DiffController, LinkProposalsQueryController, SourceAliasProposalsQueryController, ReplayController, ClaimsController, InboxQueryController, MembershipController],
  providers: [
    ListStoriesHandler,
    GetStoryHandler,
    GetTimelineHandler,
    GetSourceLedgerHandler,
    GetFactLineageHandler,
    GetStoryDiffHandler,
    ListLinkProposalsHandler,
    ListSourceAliasProposalsHandler,
    ReplayStoryHandler,
    ReplayStreamer,
    GetClaimsHandler,
    GetKeyDevelopmentsHandler,
    ListInboxHandler,
    GetMembershipHandler,
  ],
})
export class ReadSideModule {}
