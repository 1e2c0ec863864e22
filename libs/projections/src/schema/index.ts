import type { MigrationClass } from '@storyline/database';
import { CreateProjections1763800000000 } from './migrations/1763800000000-create-projections';
import { AddFactHistory1764500000000 } from './migrations/1764500000000-add-fact-history';
import { AddLinkCandidates1765200000000 } from './migrations/1765200000000-add-link-candidates';
import { AddClaims1765000000000 } from './migrations/1765000000000-add-claims';
import { AddMembership1765400000000 } from './migrations/1765400000000-add-membership';
import { MembershipChangeRow, ReportMembershipRow, StorySlugRow } from './membership.entity';
import { AddClaimReportDays1765300000000 } from './migrations/1765300000000-add-claim-report-days';
import { ClaimReportDayRow } from './claim-report-day.entity';
import { AddClaimsRules1765310000000 } from './migrations/1765310000000-add-claims-rules';
import { AddClaimFactChanges1765320000000 } from './migrations/1765320000000-add-claim-fact-changes';
import { AddSourceAliasProposals1765330000000 } from './migrations/1765330000000-add-source-alias-proposals';
import { AddInbox1765500000000 } from './migrations/1765500000000-add-inbox';
import { AddLinkCandidateKeyPositions1765600000000 } from './migrations/1765600000000-add-link-candidate-key-positions';
import { ClaimContradictionRow, ClaimKeyRow, ClaimMemberRow, ClaimReportRow, ClaimRow } from './claim.entity';
import { FactLinkRow, FactVerdictRow } from './fact-link.entity';
import { FactReportRow } from './fact-report.entity';
import { FactVersionRow } from './fact-version.entity';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity';
import { SourceAliasRow, SourceRow } from './source.entity';
import { SourceLedgerRow } from './source-ledger.entity';
import { StoryRow } from './story.entity';
import { TimelineEntryRow } from './timeline-entry.entity';

export * from './bigint-column';
export * from './claim.entity';
export * from './claim-report-day.entity';
export * from './fact-link.entity';
export * from './fact-report.entity';
export * from './fact-version.entity';
export * from './membership.entity';
export * from './projection-checkpoint.entity';
export * from './source.entity';
export * from './source-ledger.entity';
export * from './story.entity';
export * from './timeline-entry.entity';
export {
  AddClaimFactChanges1765320000000,
  AddClaimReportDays1765300000000,
  AddClaims1765000000000,
  AddClaimsRules1765310000000,
  AddFactHistory1764500000000,
  AddInbox1765500000000,
  AddLinkCandidateKeyPositions1765600000000,
  AddLinkCandidates1765200000000,
  AddMembership1765400000000,
  AddSourceAliasProposals1765330000000,
  CreateProjections1763800000000,
};

/** Every read-model entity, for a TypeORM DataSource (never with `synchronize`). */
export const PROJECTION_ENTITIES: Function[] = [
  StoryRow,
  TimelineEntryRow,
  SourceLedgerRow,
  SourceRow,
  SourceAliasRow,
  FactReportRow,
  FactVersionRow,
  FactLinkRow,
  FactVerdictRow,
  ProjectionCheckpointRow,
  ClaimRow,
  ClaimKeyRow,
  ClaimMemberRow,
  ClaimReportRow,
  ClaimContradictionRow,
  ClaimReportDayRow,
  ReportMembershipRow,
  MembershipChangeRow,
  StorySlugRow,
];

/** The read models' schema, in order, for `runMigrations`. */
export const PROJECTION_MIGRATIONS: MigrationClass[] = [
  CreateProjections1763800000000,
  AddFactHistory1764500000000,
  AddClaims1765000000000,
  AddLinkCandidates1765200000000,
  AddClaimReportDays1765300000000,
  AddClaimsRules1765310000000,
  AddClaimFactChanges1765320000000,
  AddSourceAliasProposals1765330000000,
  AddMembership1765400000000,
  AddInbox1765500000000,
  AddLinkCandidateKeyPositions1765600000000,
];
