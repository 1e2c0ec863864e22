import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ProposedLinkKind } from '@storyline/story-events';
import { DataSource } from 'typeorm';
import { StoriesReader } from '../stories/stories.reader';
import { resolveStory } from '../stories/resolve-story';

export type ProposalStatus = 'proposed' | 'accepted' | 'rejected';

export interface LinkProposalView {
  readonly linkId: string;
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: ProposedLinkKind;
  readonly reason: string;
  readonly status: ProposalStatus;
}

/** The analyst's queue of proposed links in a story, optionally of one status. */
export class ListLinkProposalsQuery extends Query<{ proposals: LinkProposalView[] }> {
  constructor(
    readonly ref: string,
    readonly status: ProposalStatus | undefined,
  ) {
    super();
  }
}

/** Reads the `link_proposals` read model the link-proposal reactor keeps, in the order proposed. */
@QueryHandler(ListLinkProposalsQuery)
export class ListLinkProposalsHandler implements IQueryHandler<ListLinkProposalsQuery, { proposals: LinkProposalView[] }> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ ref, status }: ListLinkProposalsQuery): Promise<{ proposals: LinkProposalView[] }> {
    const story = await resolveStory(this.stories, ref);
    const rows: { link_id: string; from_fact_id: string; to_fact_id: string; kind: ProposedLinkKind; reason: string; status: ProposalStatus }[] =
      await this.dataSource.query(
        `SELECT link_id, from_fact_id, to_fact_id, kind, reason, status FROM link_proposals
          WHERE story_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY position, link_id`,
        [story.id, status ?? null],
      );
    return {
      proposals: rows.map((row) => ({ linkId: row.link_id, fromFactId: row.from_fact_id, toFactId: row.to_fact_id, kind: row.kind, reason: row.reason, status: row.status })),
    };
  }
}
