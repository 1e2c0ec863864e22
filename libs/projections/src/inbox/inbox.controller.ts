import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { DEFAULT_INBOX_POLICY } from '@storyline/routing';
import { ListInboxQuery, type InboxPage } from './list-inbox.query';
import { parseInboxList } from './request';
import { Inbox, inboxQuery } from './schema';

/** An inbox's reports with the router's proposals: the analyst's queue. (Answering one is a write: libs/timeline.) */
@ApiTags('inbox')
@Controller('inbox')
export class InboxQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiContract({ operationId: 'listInbox', summary: "An inbox's reports with the router's proposals: the analyst's queue", query: inboxQuery, ok: { schema: Inbox } })
  list(@Query('inbox') inbox: unknown, @Query('status') status: unknown, @Query('limit') limit: unknown, @Query('after') after: unknown): Promise<InboxPage> {
    const request = parseInboxList({ inbox, status, limit, after });
    const defaults = { threshold: DEFAULT_INBOX_POLICY.autoJoinAt, autoOpen: DEFAULT_INBOX_POLICY.autoOpen };
    return this.queries.execute(new ListInboxQuery(request.inbox, request.status, request.limit, request.after, defaults));
  }
}
