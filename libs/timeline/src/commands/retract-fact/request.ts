import { read } from '@storyline/story-events';
import { parseReportRef, REASON } from '../../command-handling/input';

export interface Retraction {
  readonly reason: string;
  readonly retractedAt: string;
  /** The report that carried the retraction, when it is in the story. */
  readonly reportId: string | null;
}

export function parseRetraction(body: unknown): Retraction {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['reason', 'retractedAt', 'reportId'], '');
  return {
    reason: read.text(input.reason, 'reason', REASON).trim(),
    retractedAt: read.instant(input.retractedAt, 'retractedAt'),
    reportId: parseReportRef(input.reportId, 'reportId'),
  };
}
