import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChangeFactHandler } from './slices/change-fact/change-fact.handler';
import { FactsController } from './slices/change-fact/facts.controller';
import { LinkFactsHandler } from './slices/link-facts/link-facts.handler';
import { LinksController } from './slices/link-facts/links.controller';
import { ReplayController } from './slices/replay-story/replay.controller';
import { ReplayStoryHandler } from './slices/replay-story/replay-story.handler';
import { ReplayStreamer } from './slices/replay-story/replay-streamer';
import { ExtractController } from './slices/extract-facts/extract.controller';
import { DiffController } from './slices/get-story-diff/diff.controller';
import { LineageController } from './slices/get-fact-lineage/lineage.controller';
import { ResolveLinkProposalHandler } from './slices/link-proposals/link-proposals';
import { LinkProposalsController } from './slices/link-proposals/link-proposals.controller';
import { IngestReportHandler } from './slices/ingest-report/ingest-report.handler';
import { ReportsController } from './slices/ingest-report/reports.controller';
import { GetSourceLedgerHandler } from './slices/get-source-ledger/get-source-ledger.handler';
import { GetTimelineHandler } from './slices/get-timeline/get-timeline.handler';
import { TimelineController } from './slices/get-timeline/timeline.controller';
import { GetStoryHandler, ListStoriesHandler } from './slices/list-stories/list-stories.handler';
import { OpenStoryHandler } from './slices/open-story/open-story.handler';
import { StoriesController } from './slices/open-story/stories.controller';
import { AddSourceAliasHandler, RegisterSourceHandler } from './slices/register-source/register-source.handler';
import { SourcesController } from './slices/register-source/sources.controller';

/**
 * The story timeline's use cases. The host provides EVENT_STORE, READ_MODEL_SYNC, FACT_LOCATOR
 * and the projection readers (StoriesReader, TimelineReader, SourceLedgerReader).
 */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [StoriesController, ReportsController, TimelineController, SourcesController, FactsController, LinksController, ReplayController, ExtractController, LineageController, DiffController, LinkProposalsController],
  providers: [
    OpenStoryHandler,
    IngestReportHandler,
    ChangeFactHandler,
    LinkFactsHandler,
    ResolveLinkProposalHandler,
    RegisterSourceHandler,
    AddSourceAliasHandler,
    ListStoriesHandler,
    GetStoryHandler,
    GetTimelineHandler,
    GetSourceLedgerHandler,
    ReplayStoryHandler,
    ReplayStreamer,
  ],
})
export class TimelineModule {}
