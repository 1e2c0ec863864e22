import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SourceKind } from '@storyline/story-events';
import { bigintColumn } from './bigint-column';

/** A registered source: the canonical name that its aliases and spellings group under. */
@Entity('sources')
export class SourceRow {
  @PrimaryColumn('uuid', { name: 'source_id', primaryKeyConstraintName: 'sources_pkey' })
  sourceId: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'name_key' })
  nameKey: string;

  @Column('text')
  kind: SourceKind;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}

/** Another name of a registered source ("POLITICO EU" = Politico); applied at read time. */
@Entity('source_aliases')
@Index('source_aliases_alias_key_idx', ['aliasKey'])
export class SourceAliasRow {
  @PrimaryColumn('uuid', { name: 'source_id', primaryKeyConstraintName: 'source_aliases_pkey' })
  sourceId: string;

  @PrimaryColumn('text', { name: 'alias_key', primaryKeyConstraintName: 'source_aliases_pkey' })
  aliasKey: string;

  @Column('text')
  alias: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}
