import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ProposalStatus } from '../link-proposals/list-link-proposals.query';
import { resolveStory } from '../stories/resolve-story';
import { StoriesReader } from '../stories/stories.reader';

export interface SourceAliasProposalView {
  readonly proposalId: string;
  readonly alias: string;
  readonly canonical: string;
  readonly rule: string;
  /** The rule set, as "name version". */
  readonly rules: string;
  readonly score: number;
  readonly evidenceFactIds: readonly string[];
  readonly status: ProposalStatus;
}

/** The analyst's queue of proposed source aliases in a story, optionally of one status. */
export class ListSourceAliasProposalsQuery extends Query<{ proposals: SourceAliasProposalView[] }> {
  constructor(
    readonly ref: string,
    readonly status: ProposalStatus | undefined,
  ) {
    super();
  }
}

/** Reads the `source_alias_proposals` read model the source-alias reactor keeps, in the order proposed. */
@QueryHandler(ListSourceAliasProposalsQuery)
export class ListSourceAliasProposalsHandler implements IQueryHandler<ListSourceAliasProposalsQuery, { proposals: SourceAliasProposalView[] }> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ ref, status }: ListSourceAliasProposalsQuery): Promise<{ proposals: SourceAliasProposalView[] }> {
    const story = await resolveStory(this.stories, ref);
    const rows: { proposal_id: string; alias: string; canonical: string; rule: string; rules: string; score: number; evidence_fact_ids: string[]; status: ProposalStatus }[] =
      await this.dataSource.query(
        `SELECT proposal_id, alias, canonical, rule, rules, score, evidence_fact_ids, status FROM source_alias_proposals
          WHERE story_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY position, proposal_id`,
        [story.id, status ?? null],
      );
    return {
      proposals: rows.map((row) => ({
        proposalId: row.proposal_id, alias: row.alias, canonical: row.canonical, rule: row.rule, rules: row.rules, score: Number(row.score), evidenceFactIds: row.evidence_fact_ids, status: row.status,
      })),
    };
  }
}
