import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FactChanges } from '@storyline/story-events';
import { bigintColumn } from './bigint-column';

/** What made a version of a fact: its first report, an analyst's amendment, the outlet's correction or retraction. */
export type FactVersionKind = 'reported' | 'amended' | 'corrected' | 'retracted';
export type FactStatus = 'active' | 'retracted';

/**
 * One row per event that made a version of a fact. Rows keep the changes, not the folded
 * content: a view folds the versions it may see in its clock's order, so an amendment
 * recorded after a correction still lands before it on the reported clock.
 */
@Entity('fact_versions')
@Index('fact_versions_story_position_idx', ['storyId', 'position'])
export class FactVersionRow {
  @PrimaryColumn('uuid', { name: 'fact_id', primaryKeyConstraintName: 'fact_versions_pkey' })
  factId: string;

  /** Global position of the event that made this version. */
  @PrimaryColumn('bigint', { transformer: bigintColumn, primaryKeyConstraintName: 'fact_versions_pkey' })
  position: bigint;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('text')
  kind: FactVersionKind;

  @Column('text')
  status: FactStatus;

  /** The fields this version sets; the reported version sets them all. */
  @Column('jsonb')
  changes: FactChanges;

  @Column('text', { nullable: true })
  reason: string | null;

  /** The report that carried this version: the fact's own, a correcting one, or none (amendments). */
  @Column('uuid', { name: 'report_id', nullable: true })
  reportId: string | null;

  /**
   * Reported clock: the report's publication for the reported version and amendments (they
   * fix what that report said), `correctedAt` / `retractedAt` otherwise; null when unknown.
   */
  @Column('timestamptz', { name: 'effective_at', nullable: true })
  effectiveAt: Date | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  /** Who issued the command (event metadata). */
  @Column('text', { nullable: true })
  actor: string | null;
}
