import { Module } from '@nestjs/common';
import { ResolveRoutingHandler } from './commands/resolve-routing/handler';
import { SendToInboxHandler } from './commands/send-to-inbox/handler';
import { SetInboxPolicyHandler } from './commands/set-inbox-policy/handler';
import { InboxController } from './http/inbox.controller';
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

/**
 * The write side: every command a user (or the extractor) can give, each decided on its own
 * stream. It reads no read model; the host provides EVENT_STORE, READ_MODEL_SYNC and FACT_LOCATOR.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [StoriesController, ReportsController, SourcesController, FactsController, LinksController, ExtractController, LinkProposalsController, InboxController],
  providers: [
    OpenStoryHandler,
    IngestReportHandler,
    ChangeFactHandler,
    LinkFactsHandler,
    ResolveLinkProposalHandler,
    RegisterSourceHandler,
    AddSourceAliasHandler,
    SendToInboxHandler,
    SetInboxPolicyHandler,
    ResolveRoutingHandler,
  ],
})
export class TimelineModule {}
