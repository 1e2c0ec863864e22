import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/**
 * A claim: what facts from different reports state alike, named by the fact that founded it.
 * Keeps the founding statement's signature (content words, actors) and occurred day, which
 * is all a later fact is compared with, so grouping continues from the tables after a restart.
 */
@Entity('claims')
@Index('claims_story_position_idx', ['storyId', 'position'])
export class ClaimRow {
  @PrimaryColumn('uuid', { name: 'claim_id', primaryKeyConstraintName: 'claims_pkey' })
  claimId: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('text')
  statement: string;

  @Column('text', { array: true })
  words: string[];

  @Column('text', { array: true })
  entities: string[];

  /** The founding fact's occurred day (YYYY-MM-DD), when it names one: a fact dated otherwise never joins. */
  @Column('text', { name: 'occurred_day', nullable: true })
  occurredDay: string | null;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}

/** The index keys a claim is found under (MinHash bands, actor pairs): the latest few per key are a new fact's candidates. */
@Entity('claim_keys')
@Index('claim_keys_lookup_idx', ['storyId', 'key', 'position'])
export class ClaimKeyRow {
  @PrimaryColumn('uuid', { name: 'claim_id', primaryKeyConstraintName: 'claim_keys_pkey' })
  claimId: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'claim_keys_pkey' })
  key: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}

/** One fact in its claim, with the rule and score that put it there and the extractor that found it. */
@Entity('claim_members')
@Index('claim_members_story_position_idx', ['storyId', 'position'])
export class ClaimMemberRow {
  @PrimaryColumn('uuid', { name: 'fact_id', primaryKeyConstraintName: 'claim_members_pkey' })
  factId: string;

  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('uuid', { name: 'report_id' })
  reportId: string;

  /** The outlet as the report named it, or what is known of an unnamed one ("outlet not named — Kyiv dateline"). */
  @Column('text')
  outlet: string;

  @Column('text')
  statement: string;

  @Column('text')
  rule: string;

  @Column('real')
  score: number;

  @Column('text', { name: 'occurred_day', nullable: true })
  occurredDay: string | null;

  /** The extractor (name and version) that found the fact, from its event's metadata; null when the report came with its facts. */
  @Column('text', { nullable: true })
  extractor: string | null;

  /** The claims rules (name and version, libs/claims `CLAIMS_RULES_VERSION`) that placed it. */
  @Column('text', { name: 'rules_name' })
  rulesName: string;

  @Column('text', { name: 'rules_version' })
  rulesVersion: string;

  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt: Date | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}

/** The claims projection's own copy of each report's outlet and publication time (it reads only its own tables). */
@Entity('claim_reports')
export class ClaimReportRow {
  @PrimaryColumn('uuid', { name: 'report_id', primaryKeyConstraintName: 'claim_reports_pkey' })
  reportId: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('text')
  outlet: string;

  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt: Date | null;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}

/** A `contradicts` link between two facts: shown between their claims once both facts are in the view. */
@Entity('claim_contradictions')
@Index('claim_contradictions_story_position_idx', ['storyId', 'position'])
export class ClaimContradictionRow {
  @PrimaryColumn('uuid', { name: 'link_id', primaryKeyConstraintName: 'claim_contradictions_pkey' })
  linkId: string;

  @Column('uuid', { name: 'story_id' })
  storyId: string;

  @Column('uuid', { name: 'from_fact_id' })
  fromFactId: string;

  @Column('uuid', { name: 'to_fact_id' })
  toFactId: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('bigint', { transformer: bigintColumn })
  position: bigint;
}
