import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/**
 * The reports of the fact-history projection: a fact's versions need their report's
 * publication time, and the projection reads only its own tables.
 */
@Entity('fact_reports')
export class FactReportRow {
  @PrimaryColumn('uuid', { name: 'report_id', primaryKeyConstraintName: 'fact_reports_pkey' })
  reportId: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  /** The outlet as the report spelled it, or 'unknown outlet'. */
  @Column('text')
  source: string;

  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt: Date | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}
