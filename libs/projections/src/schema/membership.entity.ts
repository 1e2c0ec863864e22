import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/**
 * One stretch of a report's membership of a story: from the event that put it there to the one
 * that took it away (null: still there), on the log and on the recorded clock.
 */
@Entity('report_memberships')
@Index('report_memberships_story_idx', ['storyId', 'fromPosition'])
@Index('report_memberships_open_idx', ['reportId'], { where: 'to_position IS NULL' })
export class ReportMembershipRow {
  @PrimaryColumn('uuid', { name: 'report_id', primaryKeyConstraintName: 'report_memberships_pkey' })
  reportId: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  /** The story whose stream holds the report's events (where it was ingested); never changes. */
  @Column('uuid', { name: 'home_story_id' })
  homeStoryId: string;

  @PrimaryColumn('bigint', { name: 'from_position', transformer: bigintColumn, primaryKeyConstraintName: 'report_memberships_pkey' })
  fromPosition: bigint;

  @Column('timestamptz', { name: 'from_recorded_at' })
  fromRecordedAt: Date;

  @Column('bigint', { name: 'to_position', nullable: true, transformer: bigintColumn })
  toPosition: bigint | null;

  @Column('timestamptz', { name: 'to_recorded_at', nullable: true })
  toRecordedAt: Date | null;
}

/** A membership event as the history of a story shows it. */
@Entity('membership_changes')
@Index('membership_changes_story_idx', ['storyId', 'position'])
@Index('membership_changes_other_idx', ['otherStoryId', 'position'])
export class MembershipChangeRow {
  @PrimaryColumn('bigint', { transformer: bigintColumn, primaryKeyConstraintName: 'membership_changes_pkey' })
  position: bigint;

  /** 'moved' | 'split' | 'merged' | 'renamed'. */
  @Column('text')
  kind: string;

  /** The story the change is stored in: the one reports left, the merged one, the renamed one (for a split: the one split from). */
  @Column('uuid', { name: 'story_id' })
  storyId: string;

  /** The story reports went to (null for a rename). */
  @Column('uuid', { name: 'other_story_id', nullable: true })
  otherStoryId: string | null;

  @Column('jsonb', { name: 'report_ids' })
  reportIds: string[];

  /** Slugs and titles a split or rename named. */
  @Column('jsonb')
  details: Record<string, unknown>;

  @Column('text')
  actor: string;

  @Column('text')
  reason: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}

/** Every slug a story has held, so an old slug keeps answering after a rename. */
@Entity('story_slugs')
export class StorySlugRow {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'story_slugs_pkey' })
  slug: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}
