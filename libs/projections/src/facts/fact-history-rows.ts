import type {
  FactAmended,
  FactCorrected,
  FactReported,
  FactRetracted,
  FactsLinked,
  ReportIngested,
  VerdictRecorded,
} from '@storyline/story-events';
import type { ProjectedEvent } from '../runtime/projection';
import { reportContext, type ReportContext } from '../runtime/report-context';
import { timestampOrNull } from '../runtime/sql';

export const REPORT_COLUMNS = ['report_id', 'story_id', 'source', 'reported_at', 'recorded_at', 'position'] as const;
export const VERSION_COLUMNS = [
  'fact_id', 'position', 'story_id', 'kind', 'status', 'changes', 'reason', 'report_id', 'effective_at', 'recorded_at', 'actor',
] as const;
export const LINK_COLUMNS = ['link_id', 'story_id', 'from_fact_id', 'to_fact_id', 'kind', 'reason', 'actor', 'recorded_at', 'position'] as const;
export const VERDICT_COLUMNS = ['fact_id', 'position', 'story_id', 'verdict', 'reason', 'actor', 'recorded_at'] as const;

type Values<Columns extends readonly string[]> = Record<Columns[number], unknown>;
export type VersionValues = Values<typeof VERSION_COLUMNS>;

/** A batch's rows, table by table. */
export interface FactHistoryRows {
  readonly reports: Values<typeof REPORT_COLUMNS>[];
  readonly versions: VersionValues[];
  readonly links: Values<typeof LINK_COLUMNS>[];
  readonly verdicts: Values<typeof VERDICT_COLUMNS>[];
}

const actorOf = (event: ProjectedEvent): string | null => (typeof event.metadata.actor === 'string' ? event.metadata.actor : null);

export function reportRow(event: ProjectedEvent<ReportIngested>): Values<typeof REPORT_COLUMNS> {
  const report = reportContext(event);
  return {
    report_id: event.data.reportId,
    story_id: event.data.storyId,
    source: report.outlet,
    reported_at: report.reportedAt,
    recorded_at: event.recordedAt,
    position: event.position,
  };
}

function version(event: ProjectedEvent, fields: Pick<VersionValues, 'fact_id' | 'story_id' | 'kind' | 'changes' | 'reason' | 'report_id' | 'effective_at'>): VersionValues {
  const { fact_id, story_id, kind, changes, reason, report_id, effective_at } = fields;
  const status = kind === 'retracted' ? 'retracted' : 'active';
  // Listed in column order rather than spread: this runs for most events of a rebuild.
  return { fact_id, position: event.position, story_id, kind, status, changes, reason, report_id, effective_at, recorded_at: event.recordedAt, actor: actorOf(event) };
}

export function reportedVersion(event: ProjectedEvent<FactReported>, report: ReportContext): VersionValues {
  const { factId, storyId, reportId, statement, attributedTo, modality, occurred, evidence } = event.data;
  const changes = { statement, attributedTo, modality, occurred, evidence };
  return version(event, { fact_id: factId, story_id: storyId, kind: 'reported', changes, reason: null, report_id: reportId, effective_at: report.reportedAt });
}

/** `reportedAt`: the fact's own report's publication, from which an amendment counts. */
export function amendedVersion(event: ProjectedEvent<FactAmended>, reportedAt: Date | null): VersionValues {
  const { factId, storyId, changes, reason } = event.data;
  return version(event, { fact_id: factId, story_id: storyId, kind: 'amended', changes, reason, report_id: null, effective_at: reportedAt });
}

export function correctedVersion(event: ProjectedEvent<FactCorrected>): VersionValues {
  const { factId, storyId, changes, reason, reportId, correctedAt } = event.data;
  const effective = timestampOrNull(correctedAt, 'correctedAt');
  return version(event, { fact_id: factId, story_id: storyId, kind: 'corrected', changes, reason, report_id: reportId, effective_at: effective });
}

export function retractedVersion(event: ProjectedEvent<FactRetracted>): VersionValues {
  const { factId, storyId, reason, reportId, retractedAt } = event.data;
  const effective = timestampOrNull(retractedAt, 'retractedAt');
  return version(event, { fact_id: factId, story_id: storyId, kind: 'retracted', changes: {}, reason, report_id: reportId, effective_at: effective });
}

export function linkRow(event: ProjectedEvent<FactsLinked>): Values<typeof LINK_COLUMNS> {
  const { linkId, storyId, fromFactId, toFactId, kind, reason } = event.data;
  return {
    link_id: linkId, story_id: storyId, from_fact_id: fromFactId, to_fact_id: toFactId, kind, reason,
    actor: actorOf(event), recorded_at: event.recordedAt, position: event.position,
  };
}

export function verdictRow(event: ProjectedEvent<VerdictRecorded>): Values<typeof VERDICT_COLUMNS> {
  const { factId, storyId, verdict, reason } = event.data;
  return { fact_id: factId, position: event.position, story_id: storyId, verdict, reason, actor: actorOf(event), recorded_at: event.recordedAt };
}
