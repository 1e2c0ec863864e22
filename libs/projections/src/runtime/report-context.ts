import type { FactReported, ReportIngested } from '@storyline/story-events';
import { normaliseSourceName } from '@storyline/story-events';
import type { ProjectedEvent } from './projection';
import { timestampOrNull } from './sql';

/** What a fact's rows need from its report: the fact event names only the report. */
export interface ReportContext {
  readonly storyId: string;
  readonly reportedAt: Date | null;
  /** The outlet as the report spelled it, or {@link UNKNOWN_OUTLET}. */
  readonly outlet: string;
  /** `normaliseSourceName(outlet)`, or '' when the report names no outlet. */
  readonly outletKey: string;
  readonly position: bigint;
}

export const UNKNOWN_OUTLET = 'unknown outlet';

export function reportContext(event: ProjectedEvent<ReportIngested>): ReportContext {
  const outlet = event.data.outlet?.trim() || null;
  return {
    storyId: event.data.storyId,
    reportedAt: timestampOrNull(event.data.publishedAt, 'publishedAt'),
    outlet: outlet ?? UNKNOWN_OUTLET,
    outletKey: outlet === null ? '' : normaliseSourceName(outlet),
    position: event.position,
  };
}

/**
 * The reports of a batch's facts: those ingested in the batch itself, the others from the
 * read model through `stored`. A fact whose report is nowhere is a broken log, not a gap
 * to paper over.
 */
export async function reportsOfFacts(
  events: readonly ProjectedEvent[],
  stored: (reportIds: string[]) => Promise<Map<string, ReportContext>>,
): Promise<Map<string, ReportContext>> {
  const reports = new Map<string, ReportContext>();
  for (const event of events) if (event.type === 'ReportIngested') reports.set(event.data.reportId, reportContext(event));
  const facts = events.filter((event): event is ProjectedEvent<FactReported> => event.type === 'FactReported');
  const missing = [...new Set(facts.map((fact) => fact.data.reportId).filter((id) => !reports.has(id)))];
  if (missing.length > 0) for (const [id, report] of await stored(missing)) reports.set(id, report);
  for (const fact of facts) {
    if (!reports.has(fact.data.reportId)) throw new Error(`fact ${fact.data.factId} names report ${fact.data.reportId}, which was never ingested`);
  }
  return reports;
}
