import { inboxIdForName, invalid, read } from '@storyline/story-events';
import { INBOX_STATUSES, type InboxStatus } from './list-inbox.query';

export const INBOX_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface InboxListRequest {
  readonly inbox: { readonly name: string; readonly inboxId: string };
  readonly status: InboxStatus | 'all';
  readonly limit: number;
  readonly after: bigint;
}

/** `GET /inbox`'s query (`inbox`, `status`, `limit`, `after`), naming the field at fault. */
export function parseInboxList(query: { inbox?: unknown; status?: unknown; limit?: unknown; after?: unknown }): InboxListRequest {
  const { inbox, status, limit, after } = query;
  const name = inbox === undefined || inbox === '' ? 'default' : read.text(inbox, 'inbox', { max: 80, pattern: INBOX_NAME, patternHint: 'must be lowercase letters, digits and single hyphens (like "wires")' });
  const wanted = status === undefined ? 'waiting' : read.oneOf(status, 'status', [...INBOX_STATUSES, 'all'] as const);
  const size = limit === undefined ? 50 : read.integer(Number(limit), 'limit', 1, 200);
  if (after !== undefined && (typeof after !== 'string' || !/^\d{1,18}$/.test(after))) throw invalid('after', 'must be the `next` of a previous page');
  return { inbox: { name, inboxId: inboxIdForName(name) }, status: wanted, limit: size, after: after === undefined ? 0n : BigInt(after) };
}
