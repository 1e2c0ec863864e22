import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/**
 * How far each projection has followed the global log. Written in the same transaction as
 * the read-model rows, so the two can never disagree.
 */
@Entity('projection_checkpoints')
export class ProjectionCheckpointRow {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'projection_checkpoints_pkey' })
  name: string;

  @Column('bigint', { transformer: bigintColumn, default: 0 })
  position: bigint;

  /** Events this projection handled; a replay that applied one twice would show here. */
  @Column('bigint', { name: 'events_applied', transformer: bigintColumn, default: 0 })
  eventsApplied: bigint;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
