import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LinkKind, Verdict } from '@storyline/story-events';
import { bigintColumn } from './bigint-column';

/**
 * A typed relation between two facts. The timeline and diff show it on the reported clock once
 * both facts are reported, on the recorded clock from `recordedAt`; lineage from `recordedAt`.
 */
@Entity('fact_links')
@Index('fact_links_story_position_idx', ['storyId', 'position'])
@Index('fact_links_from_fact_idx', ['fromFactId'])
@Index('fact_links_to_fact_idx', ['toFactId'])
export class FactLinkRow {
  @PrimaryColumn('uuid', { name: 'link_id', primaryKeyConstraintName: 'fact_links_pkey' })
  linkId: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('uuid', { name: 'from_fact_id' })
  fromFactId: string;

  @Column('uuid', { name: 'to_fact_id' })
  toFactId: string;

  @Column('text')
  kind: LinkKind;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { nullable: true })
  actor: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}

/** An analyst's verdict on a fact; the latest visible one counts (recorded clock only). */
@Entity('fact_verdicts')
@Index('fact_verdicts_story_position_idx', ['storyId', 'position'])
export class FactVerdictRow {
  @PrimaryColumn('uuid', { name: 'fact_id', primaryKeyConstraintName: 'fact_verdicts_pkey' })
  factId: string;

  @PrimaryColumn('bigint', { transformer: bigintColumn, primaryKeyConstraintName: 'fact_verdicts_pkey' })
  position: bigint;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('text')
  verdict: Verdict;

  @Column('text')
  reason: string;

  @Column('text', { nullable: true })
  actor: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
