import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/** A day a report names in any sentence (explicit or resolved against its publication date): what ranks key developments. */
@Entity('claim_report_days')
@Index('claim_report_days_story_position_idx', ['storyId', 'position'])
export class ClaimReportDayRow {
  @PrimaryColumn('uuid', { name: 'report_id', primaryKeyConstraintName: 'claim_report_days_pkey' })
  reportId: string;

  /** YYYY-MM-DD. */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'claim_report_days_pkey' })
  day: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('text')
  outlet: string;

  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt: Date | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  /** How many sentences of the report name the day. */
  @Column('integer')
  sentences: number;

  /** Index of the first sentence naming it (0: the lead). */
  @Column('integer', { name: 'first_sentence' })
  firstSentence: number;

  /** Whether some sentence names it as a calendar date ("March 17"), not only relative to the report. */
  @Column('boolean')
  calendar: boolean;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}
