import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/** One row per opened story: what `GET /stories` lists and what slugs resolve to. */
@Entity('stories')
@Index('stories_slug_key', ['slug'], { unique: true })
export class StoryRow {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'stories_pkey' })
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  title: string;

  /** Recorded clock: when Storyline stored the StoryOpened event. */
  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;

  /** The story this one was merged into (its reports went there); null while it stands alone. */
  @Column('uuid', { name: 'merged_into', nullable: true })
  mergedInto: string | null;

  @Column('bigint', { name: 'merged_position', nullable: true, transformer: bigintColumn })
  mergedPosition: bigint | null;

  @Column('timestamptz', { name: 'merged_at', nullable: true })
  mergedAt: Date | null;
}
