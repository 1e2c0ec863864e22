import { assertNever, type FactAmended, type StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, ProjectedEvent, Projection } from '../runtime/projection';
import { reportsOfFacts, type ReportContext } from '../runtime/report-context';
import { insertRows } from '../runtime/sql';
import {
  amendedVersion,
  correctedVersion,
  type FactHistoryRows,
  LINK_COLUMNS,
  linkRow,
  REPORT_COLUMNS,
  reportedVersion,
  reportRow,
  retractedVersion,
  VERDICT_COLUMNS,
  verdictRow,
  VERSION_COLUMNS,
} from './fact-history-rows';

const HANDLES = ['ReportIngested', 'FactReported', 'FactAmended', 'FactCorrected', 'FactRetracted', 'FactsLinked', 'VerdictRecorded'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

/**
 * Keeps every version of every fact (as reported, amended, corrected, retracted), the links
 * between facts and the verdicts on them, with their reports' publication times: what as-of
 * views, lineage and diffs are read from.
 */
export class FactHistoryProjection implements Projection<Handled> {
  readonly name = 'fact-history';
  readonly tables = ['fact_reports', 'fact_versions', 'fact_links', 'fact_verdicts'];
  /** {@link publicationOfAmendedFacts} finds facts as reported by id (and reports are few: they keep their key). */
  readonly appendOnly = { fact_versions: ["(fact_id) WHERE kind = 'reported'"], fact_links: [], fact_verdicts: [] };
  readonly handles = HANDLES;

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    const reports = await reportsOfFacts(events, (ids) => storedReports(manager, ids));
    const context: BatchContext = { reports, publishedAt: await publicationOfAmendedFacts(events, reports, manager) };
    const rows: FactHistoryRows = { reports: [], versions: [], links: [], verdicts: [] };
    for (const event of events) addRows(rows, event, context);
    await insertRows(manager, 'fact_reports', REPORT_COLUMNS, rows.reports);
    await insertRows(manager, 'fact_versions', VERSION_COLUMNS, rows.versions);
    await insertRows(manager, 'fact_links', LINK_COLUMNS, rows.links);
    await insertRows(manager, 'fact_verdicts', VERDICT_COLUMNS, rows.verdicts);
  }
}

interface BatchContext {
  readonly reports: ReadonlyMap<string, ReportContext>;
  /** Each amended fact's report's publication time. */
  readonly publishedAt: ReadonlyMap<string, Date | null>;
}

function addRows(rows: FactHistoryRows, event: HandledEvent<Handled>, context: BatchContext): void {
  switch (event.type) {
    case 'ReportIngested':
      return void rows.reports.push(reportRow(event));
    case 'FactReported':
      return void rows.versions.push(reportedVersion(event, context.reports.get(event.data.reportId)!));
    case 'FactAmended':
      return void rows.versions.push(amendedVersion(event, context.publishedAt.get(event.data.factId)!));
    case 'FactCorrected':
      return void rows.versions.push(correctedVersion(event));
    case 'FactRetracted':
      return void rows.versions.push(retractedVersion(event));
    case 'FactsLinked':
      return void rows.links.push(linkRow(event));
    case 'VerdictRecorded':
      return void rows.verdicts.push(verdictRow(event));
    default:
      assertNever(event);
  }
}

/**
 * The publication time of each amended fact's report (from the batch, else the read model).
 * An amendment of a fact that was never reported is a broken log, not a gap to paper over.
 */
async function publicationOfAmendedFacts(
  events: readonly ProjectedEvent[],
  reports: ReadonlyMap<string, ReportContext>,
  manager: EntityManager,
): Promise<Map<string, Date | null>> {
  const published = new Map<string, Date | null>();
  for (const event of events) {
    if (event.type === 'FactReported') published.set(event.data.factId, reports.get(event.data.reportId)!.reportedAt);
  }
  const amended = events.filter((event): event is ProjectedEvent<FactAmended> => event.type === 'FactAmended');
  const missing = [...new Set(amended.map((event) => event.data.factId).filter((id) => !published.has(id)))];
  if (missing.length > 0) {
    const rows: { fact_id: string; effective_at: Date | null }[] = await manager.query(
      "SELECT fact_id, effective_at FROM fact_versions WHERE kind = 'reported' AND fact_id = ANY($1::uuid[])",
      [missing],
    );
    for (const row of rows) published.set(row.fact_id, row.effective_at);
  }
  for (const event of amended) {
    if (!published.has(event.data.factId)) throw new Error(`fact ${event.data.factId} was amended but never reported`);
  }
  return published;
}

async function storedReports(manager: EntityManager, reportIds: string[]): Promise<Map<string, ReportContext>> {
  const rows: { report_id: string; story_id: string; source: string; reported_at: Date | null; position: string }[] = await manager.query(
    'SELECT report_id, story_id, source, reported_at, position FROM fact_reports WHERE report_id = ANY($1::uuid[])',
    [reportIds],
  );
  return new Map(
    rows.map((row) => [
      row.report_id,
      // The outlet's key is never read here; '' keeps the context honest about that.
      { storyId: row.story_id, reportedAt: row.reported_at, outlet: row.source, outletKey: '', position: BigInt(row.position) },
    ]),
  );
}
