import { DomainError, type FactReported, type ReportIngested, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import { contentKey, type StoryState } from '../../command-handling/story-state';
import type { ReportSubmission } from './submission';

export interface IngestReport {
  readonly storyId: string;
  readonly report: ReportSubmission;
  /** Same Idempotency-Key and same fingerprint: a retry. Same key, other fingerprint: a mistake. */
  readonly fingerprint: string;
}

/**
 * The report and its facts' ids, and whether this command created them. A repeat (same
 * outlet and text, or a retried Idempotency-Key) answers with the first ingestion's ids and
 * the position of its append, appending nothing.
 */
export type IngestOutcome =
  | { readonly created: true; readonly reportId: string; readonly factIds: readonly string[] }
  | { readonly created: false; readonly reportId: string; readonly factIds: readonly string[]; readonly position: bigint };

function repeatOf(state: StoryState, reportId: string): Decision<StoryEvent, IngestOutcome> {
  const report = state.reports.get(reportId);
  return { events: [], outcome: { created: false, reportId, factIds: [...(report?.factIds ?? [])], position: report?.position ?? 0n } };
}

export function decideIngestReport(state: StoryState, command: IngestReport, context: DecisionContext): Decision<StoryEvent, IngestOutcome> {
  if (!state.opened) throw new DomainError('STORY.NOT_FOUND', `story ${command.storyId} does not exist`);
  const { report } = command;
  const request = context.idempotencyKey === null ? undefined : state.requests.get(context.idempotencyKey);
  if (request) {
    if (request.fingerprint !== null && request.fingerprint !== command.fingerprint) {
      throw new DomainError(
        'REPORT.IDEMPOTENCY_KEY_REUSED',
        `the Idempotency-Key "${context.idempotencyKey}" was already used for a different report`,
        'Idempotency-Key',
      );
    }
    return repeatOf(state, request.reportId);
  }
  const earlier = state.reportsByContent.get(contentKey(report.outlet, report.textSha256));
  if (earlier) return repeatOf(state, earlier);
  const reportId = context.newId();
  const ingested: ReportIngested = {
    type: 'ReportIngested',
    data: {
      storyId: command.storyId,
      reportId,
      outlet: report.outlet,
      publishedAt: report.publishedAt,
      headline: report.headline,
      byline: report.byline,
      dateline: report.dateline,
      url: report.url,
      text: report.text,
      textSha256: report.textSha256,
      language: report.language,
    },
  };
  const facts = report.facts.map((fact): FactReported => ({ type: 'FactReported', data: { storyId: command.storyId, factId: context.newId(), reportId, ...fact } }));
  return { events: [ingested, ...facts], outcome: { created: true, reportId, factIds: facts.map((fact) => fact.data.factId) } };
}
