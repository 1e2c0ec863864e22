import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RoutingProposal } from '@storyline/story-events';
import { DataSource } from 'typeorm';

export const INBOX_STATUSES = ['waiting', 'joined', 'opened', 'accepted', 'rejected'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface InboxProposalView extends RoutingProposal {
  /** The proposed story's slug and title, when the read models know it (null for a new story). */
  readonly slug: string | null;
  readonly title: string | null;
}

export interface InboxReportView {
  readonly reportId: string;
  readonly status: InboxStatus;
  readonly headline: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  /** The story it joined, opened or was accepted into. */
  readonly storyId: string | null;
  readonly proposals: readonly InboxProposalView[];
  readonly routedBy: string | null;
  /** The inbox's threshold when it was routed. */
  readonly threshold: number | null;
}

export interface InboxPage {
  readonly inbox: string;
  readonly inboxId: string;
  /** The inbox's policy; the router's default when none was set. */
  readonly policy: { readonly threshold: number | null; readonly autoOpen: boolean; readonly set: boolean };
  readonly reports: InboxReportView[];
  /** Pass as `after` for the next page; null on the last. */
  readonly next: string | null;
}

/** The reports routed in an inbox, in the order they arrived, paged by position. */
export class ListInboxQuery extends Query<InboxPage> {
  constructor(
    readonly inbox: { readonly name: string; readonly inboxId: string },
    readonly status: InboxStatus | 'all',
    readonly limit: number,
    readonly after: bigint,
    /** The router's defaults, for an inbox that set no policy. */
    readonly defaults: { readonly threshold: number; readonly autoOpen: boolean },
  ) {
    super();
  }
}

interface Row {
  report_id: string;
  status: InboxStatus;
  headline: string | null;
  outlet: string | null;
  published_at: Date | null;
  story_id: string | null;
  proposals: RoutingProposal[];
  routed_by: string | null;
  auto_join_at: number | null;
  position: string;
}

/** Above 1: an inbox that never joins at once (its policy's threshold is null). */
const NEVER = 1;

/** Reads the `inbox_reports` read model the router reactor keeps, with the proposed stories' names. */
@QueryHandler(ListInboxQuery)
export class ListInboxHandler implements IQueryHandler<ListInboxQuery, InboxPage> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ inbox, status, limit, after, defaults }: ListInboxQuery): Promise<InboxPage> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT report_id, status, headline, outlet, published_at, story_id, proposals, routed_by, auto_join_at, position FROM inbox_reports
        WHERE inbox_id = $1 AND ($2::text = 'all' OR status = $2) AND position > $3 ORDER BY position LIMIT $4`,
      [inbox.inboxId, status, after.toString(), limit + 1],
    );
    const page = rows.slice(0, limit);
    const storyIds = [...new Set(page.flatMap((row) => [row.story_id, ...row.proposals.map((proposal) => proposal.storyId)]).filter((id) => id !== null))];
    const stories: { id: string; slug: string; title: string }[] = storyIds.length === 0 ? [] : await this.dataSource.query('SELECT id, slug, title FROM stories WHERE id = ANY($1::uuid[])', [storyIds]);
    const named = new Map(stories.map((story) => [story.id, story]));
    const [policy]: { auto_join_at: number; auto_open: boolean }[] = await this.dataSource.query('SELECT auto_join_at, auto_open FROM inbox_policies WHERE inbox_id = $1', [inbox.inboxId]);
    return {
      inbox: inbox.name,
      inboxId: inbox.inboxId,
      policy: policy ? { threshold: policy.auto_join_at > NEVER ? null : policy.auto_join_at, autoOpen: policy.auto_open, set: true } : { ...defaults, set: false },
      reports: page.map((row) => ({
        reportId: row.report_id,
        status: row.status,
        headline: row.headline,
        outlet: row.outlet,
        publishedAt: row.published_at?.toISOString() ?? null,
        storyId: row.story_id,
        proposals: row.proposals.map((proposal) => ({ ...proposal, slug: named.get(proposal.storyId ?? '')?.slug ?? null, title: named.get(proposal.storyId ?? '')?.title ?? null })),
        routedBy: row.routed_by,
        threshold: row.auto_join_at === null || row.auto_join_at > NEVER ? null : row.auto_join_at,
      })),
      next: rows.length > limit ? page[page.length - 1].position : null,
    };
  }
}
