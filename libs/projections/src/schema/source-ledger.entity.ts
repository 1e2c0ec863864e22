import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

export type LedgerItemKind = 'report' | 'fact';
/** An outlet is a source of its reports and their facts; an attribution, of that fact. */
export type SourceRole = 'outlet' | 'attributed';

/** Who reported what, when: one row per (item, role), keyed by the source as spelled. */
@Entity('source_ledger')
@Index('source_ledger_story_position_idx', ['storyId', 'position'])
export class SourceLedgerRow {
  @PrimaryColumn('text', { name: 'item_kind', primaryKeyConstraintName: 'source_ledger_pkey' })
  itemKind: LedgerItemKind;

  @PrimaryColumn('uuid', { name: 'item_id', primaryKeyConstraintName: 'source_ledger_pkey' })
  itemId: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'source_ledger_pkey' })
  role: SourceRole;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('uuid', { name: 'report_id' })
  reportId: string;

  /** The source as first spelled in this row's event ('unknown outlet' when none). */
  @Column('text', { name: 'source_name' })
  sourceName: string;

  /** `normaliseSourceName(sourceName)` ('' when unknown); aliases are applied on read. */
  @Column('text', { name: 'source_key' })
  sourceKey: string;

  @Column('text', { nullable: true })
  statement: string | null;

  /** `normaliseStatement(statement)`: what "the same fact" means for `first`. */
  @Column('text', { name: 'statement_key', nullable: true })
  statementKey: string | null;

  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt: Date | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}
