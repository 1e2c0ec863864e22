import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Modality, Precision } from '@storyline/story-events';
import { bigintColumn } from './bigint-column';

export type EntryKind = 'report' | 'fact';

/** One row per report and per fact of a story, on all three clocks. */
@Entity('timeline_entries')
@Index('timeline_entries_story_position_idx', ['storyId', 'position'])
@Index('timeline_entries_story_reported_idx', ['storyId', 'reportedAt'])
export class TimelineEntryRow {
  /** The report id for a report, the fact id for a fact. */
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'timeline_entries_pkey' })
  id: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('text')
  kind: EntryKind;

  @Column('uuid', { name: 'report_id' })
  reportId: string;

  /** The outlet as its report spelled it ('unknown outlet' when the report names none). */
  @Column('text')
  source: string;

  /** `normaliseSourceName` of the outlet ('' when unknown); aliases are applied on read. */
  @Column('text', { name: 'source_key' })
  sourceKey: string;

  /** Reported clock: the report's publication time; a fact inherits its report's. */
  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt: Date | null;

  /** Recorded clock: when Storyline stored the event. */
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('timestamptz', { name: 'occurred_from', nullable: true })
  occurredFrom: Date | null;

  @Column('timestamptz', { name: 'occurred_to', nullable: true })
  occurredTo: Date | null;

  @Column('text', { name: 'occurred_precision', nullable: true })
  occurredPrecision: Precision | null;

  @Column('text', { nullable: true })
  statement: string | null;

  @Column('text', { name: 'attributed_to', nullable: true })
  attributedTo: string | null;

  @Column('text', { nullable: true })
  modality: Modality | null;

  @Column('integer', { name: 'evidence_start', nullable: true })
  evidenceStart: number | null;

  @Column('integer', { name: 'evidence_end', nullable: true })
  evidenceEnd: number | null;

  @Column('text', { nullable: true })
  headline: string | null;

  @Column('text', { nullable: true })
  url: string | null;

  /** Global position of the event this row reflects. */
  @Column('bigint', { transformer: bigintColumn })
  position: bigint;

  /** Global position of the report (its own for a report), so a report sorts before its facts. */
  @Column('bigint', { name: 'report_position', transformer: bigintColumn })
  reportPosition: bigint;
}
