import { assertNever, type FactReported, type ReportIngested, type StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, ProjectedEvent, Projection } from '../runtime/projection';
import { reportContext, reportsOfFacts, type ReportContext } from '../runtime/report-context';
import { insertRows, timestampOrNull } from '../runtime/sql';

const COLUMNS = [
  'id', 'story_id', 'kind', 'report_id', 'source', 'source_key', 'reported_at', 'recorded_at',
  'occurred_from', 'occurred_to', 'occurred_precision', 'statement', 'attributed_to', 'modality',
  'evidence_start', 'evidence_end', 'headline', 'url', 'position', 'report_position',
] as const;

type Column = (typeof COLUMNS)[number];
type EntryValues = Record<Column, unknown>;

const HANDLES = ['ReportIngested', 'FactReported'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

/** Keeps `timeline_entries`: one row per report and per fact, on the three clocks. */
export class TimelineProjection implements Projection<Handled> {
  readonly name = 'timeline';
  readonly tables = ['timeline_entries'];
  /** {@link storedReports} finds reports by id. */
  readonly appendOnly = { timeline_entries: ["(id) WHERE kind = 'report'"] };
  readonly handles = HANDLES;

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    const reports = await reportsOfFacts(events, (ids) => storedReports(manager, ids));
    const entries: EntryValues[] = [];
    for (const event of events) {
      switch (event.type) {
        case 'ReportIngested':
          entries.push(reportEntry(event));
          break;
        case 'FactReported':
          entries.push(factEntry(event, reports.get(event.data.reportId)!));
          break;
        default:
          assertNever(event);
      }
    }
    await insertRows(manager, 'timeline_entries', COLUMNS, entries);
  }
}

function reportEntry(event: ProjectedEvent<ReportIngested>): EntryValues {
  const report = reportContext(event);
  return {
    ...common(event.data.reportId, event.data.reportId, report, event),
    kind: 'report',
    headline: event.data.headline,
    url: event.data.url,
  };
}

function factEntry(event: ProjectedEvent<FactReported>, report: ReportContext): EntryValues {
  const { data } = event;
  return {
    ...common(data.factId, data.reportId, report, event),
    story_id: data.storyId,
    kind: 'fact',
    occurred_from: timestampOrNull(data.occurred?.from ?? null, 'occurred.from'),
    occurred_to: timestampOrNull(data.occurred?.to ?? null, 'occurred.to'),
    occurred_precision: data.occurred?.precision ?? null,
    statement: data.statement,
    attributed_to: data.attributedTo,
    modality: data.modality,
    evidence_start: data.evidence.start,
    evidence_end: data.evidence.end,
  };
}

function common(id: string, reportId: string, report: ReportContext, event: ProjectedEvent): EntryValues {
  return {
    id,
    story_id: report.storyId,
    kind: null,
    report_id: reportId,
    source: report.outlet,
    source_key: report.outletKey,
    reported_at: report.reportedAt,
    recorded_at: event.recordedAt,
    occurred_from: null,
    occurred_to: null,
    occurred_precision: null,
    statement: null,
    attributed_to: null,
    modality: null,
    evidence_start: null,
    evidence_end: null,
    headline: null,
    url: null,
    position: event.position,
    report_position: report.position,
  };
}

async function storedReports(manager: EntityManager, reportIds: string[]): Promise<Map<string, ReportContext>> {
  const rows: { id: string; story_id: string; reported_at: Date | null; source: string; source_key: string; position: string }[] =
    await manager.query(
      "SELECT id, story_id, reported_at, source, source_key, position FROM timeline_entries WHERE kind = 'report' AND id = ANY($1::uuid[])",
      [reportIds],
    );
  return new Map(
    rows.map((row) => [
      row.id,
      { storyId: row.story_id, reportedAt: row.reported_at, outlet: row.source, outletKey: row.source_key, position: BigInt(row.position) },
    ]),
  );
}
