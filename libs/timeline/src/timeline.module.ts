import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddSourceAliasController } from './commands/add-source-alias/controller';
import { AddSourceAliasHandler } from './commands/add-source-alias/handler';
import { AmendFactController } from './commands/amend-fact/controller';
import { AmendFactHandler } from './commands/amend-fact/handler';
import { CorrectFactController } from './commands/correct-fact/controller';
import { CorrectFactHandler } from './commands/correct-fact/handler';
import { ReportsController } from './commands/ingest-report/controller';
import { IngestReportHandler } from './commands/ingest-report/handler';
import { LinksController } from './commands/link-facts/controller';
import { LinkFactsHandler } from './commands/link-facts/handler';
import { StoriesController } from './commands/open-story/controller';
import { OpenStoryHandler } from './commands/open-story/handler';
import { RecordVerdictController } from './commands/record-verdict/controller';
import { RecordVerdictHandler } from './commands/record-verdict/handler';
import { RegisterSourceController } from './commands/register-source/controller';
import { RegisterSourceHandler } from './commands/register-source/handler';
import { ResolveLinkProposalController } from './commands/resolve-link-proposal/controller';
import { ResolveLinkProposalHandler } from './commands/resolve-link-proposal/handler';
import { ResolveSourceAliasProposalController } from './commands/resolve-source-alias-proposal/controller';
import { ResolveSourceAliasProposalHandler } from './commands/resolve-source-alias-proposal/handler';
import { RetractFactController } from './commands/retract-fact/controller';
import { RetractFactHandler } from './commands/retract-fact/handler';
import { ResolveRoutingController } from './commands/resolve-routing/controller';
import { ResolveRoutingHandler } from './commands/resolve-routing/handler';
import { SendToInboxController } from './commands/ingest-report/to-inbox/controller';
import { SendToInboxHandler } from './commands/ingest-report/to-inbox/handler';
import { SetInboxPolicyController } from './commands/set-inbox-policy/controller';
import { SetInboxPolicyHandler } from './commands/set-inbox-policy/handler';
import { ExtractController } from './http/extract.controller';
import { MergeStoriesController } from './commands/merge-stories/controller';
import { MergeStoriesHandler } from './commands/merge-stories/handler';
import { MoveReportController } from './commands/move-report/controller';
import { MoveReportHandler } from './commands/move-report/handler';
import { RenameStoryController } from './commands/rename-story/controller';
import { RenameStoryHandler } from './commands/rename-story/handler';
import { SplitReportsController } from './commands/split-reports/controller';
import { SplitReportsHandler } from './commands/split-reports/handler';

/**
 * The write side: every command a user (or the extractor) can give, one folder each under
 * commands/, each decided on its own stream. It reads no read model; the host provides
 * EVENT_STORE, READ_MODEL_SYNC, FACT_LOCATOR and MEMBERSHIP_LOCATOR (the membership
 * commands, and writes that name a story by a slug it was renamed to, ask it where things are).
 */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    StoriesController,
    ReportsController,
    RegisterSourceController,
    AddSourceAliasController,
    AmendFactController,
    CorrectFactController,
    RetractFactController,
    RecordVerdictController,
    LinksController,
    ExtractController,
    ResolveLinkProposalController,
    SendToInboxController,
    SetInboxPolicyController,
    ResolveRoutingController,
    MergeStoriesController,
    SplitReportsController,
    MoveReportController,
    RenameStoryController,
    ResolveSourceAliasProposalController,
  ],
  providers: [
    OpenStoryHandler,
    IngestReportHandler,
    AmendFactHandler,
    CorrectFactHandler,
    RetractFactHandler,
    RecordVerdictHandler,
    LinkFactsHandler,
    ResolveLinkProposalHandler,
    ResolveSourceAliasProposalHandler,
    RegisterSourceHandler,
    AddSourceAliasHandler,
    SendToInboxHandler,
    SetInboxPolicyHandler,
    ResolveRoutingHandler,
    MergeStoriesHandler,
    SplitReportsHandler,
    MoveReportHandler,
    RenameStoryHandler,
  ],
})
export class TimelineModule {}
