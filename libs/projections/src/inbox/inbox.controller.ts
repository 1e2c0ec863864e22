import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { DEFAULT_INBOX_POLICY } from '@storyline/routing';
import { inboxIdForName, invalid, read } from '@storyline/story-events';
import { INBOX_STATUSES, ListInboxQuery, type InboxPage } from './list-inbox.query';
import { Inbox, inboxQuery } from './schema';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An inbox's reports with the router's proposals: the analyst's queue. (Answering one is a write: libs/timeline.) */
@ApiTags('inbox')
@Controller('inbox')
export class InboxQueryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiContract({ operationId: 'listInbox', summary: "An inbox's reports with the router's proposals: the analyst's queue", query: inboxQuery, ok: { schema: Inbox } })
  list(@Query('inbox') inbox: unknown, @Query('status') status: unknown, @Query('limit') limit: unknown, @Query('after') after: unknown): Promise<InboxPage> {
    const name = inbox === undefined || inbox === '' ? 'default' : read.text(inbox, 'inbox', { max: 80, pattern: NAME, patternHint: 'must be lowercase letters, digits and single hyphens (like "wires")' });
    const wanted = status === undefined ? 'waiting' : read.oneOf(status, 'status', [...INBOX_STATUSES, 'all'] as const);
    const size = limit === undefined ? 50 : read.integer(Number(limit), 'limit', 1, 200);
    if (after !== undefined && (typeof after !== 'string' || !/^\d{1,18}$/.test(after))) throw invalid('after', 'must be the `next` of a previous page');
    const defaults = { threshold: DEFAULT_INBOX_POLICY.autoJoinAt, autoOpen: DEFAULT_INBOX_POLICY.autoOpen };
    return this.queries.execute(new ListInboxQuery({ name, inboxId: inboxIdForName(name) }, wanted, size, after === undefined ? 0n : BigInt(after), defaults));
  }
}
