import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChangeFactHandler } from './slices/change-fact/change-fact.handler';
import { FactsController } from './slices/change-fact/facts.controller';
import { LinkFactsHandler } from './slices/link-facts/link-facts.handler';
import { LinksController } from './slices/link-facts/links.controller';
import { ExtractController } from './slices/extract-facts/extract.controller';
import { ResolveLinkProposalHandler } from './slices/link-proposals/link-proposals';
import { LinkProposalsController } from './slices/link-proposals/link-proposals.controller';
import { IngestReportHandler } from './slices/ingest-report/ingest-report.handler';
import { ReportsController } from './slices/ingest-report/reports.controller';
import { OpenStoryHandler } from './slices/open-story/open-story.handler';
import { StoriesController } from './slices/open-story/stories.controller';
import { AddSourceAliasHandler, RegisterSourceHandler } from './slices/register-source/register-source.handler';
import { SourcesController } from './slices/register-source/sources.controller';
import { ReportMembershipController, StoryMembershipController } from './slices/merge-stories/controller';
import { MergeStoriesHandler } from './slices/merge-stories/handler';
import { MoveReportHandler } from './slices/move-report/handler';
import { RenameStoryHandler } from './slices/rename-story/handler';
import { SplitReportsHandler } from './slices/split-reports/handler';

/**
 * The write side: every command a user (or the extractor) can give, each decided on its own
 * stream. It reads no read model; the host provides EVENT_STORE, READ_MODEL_SYNC, FACT_LOCATOR and MEMBERSHIP_LOCATOR.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [StoriesController, ReportsController, SourcesController, FactsController, LinksController, ExtractController, LinkProposalsController, StoryMembershipController, ReportMembershipController],
  providers: [
    OpenStoryHandler,
    IngestReportHandler,
    ChangeFactHandler,
    LinkFactsHandler,
    ResolveLinkProposalHandler,
    RegisterSourceHandler,
    AddSourceAliasHandler,
    MergeStoriesHandler,
    SplitReportsHandler,
    MoveReportHandler,
    RenameStoryHandler,
  ],
})
export class TimelineModule {}
