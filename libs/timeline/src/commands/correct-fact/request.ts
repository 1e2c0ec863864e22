import { read, type FactChanges } from '@storyline/story-events';
import { parseChanges, parseReportRef, REASON } from '../../command-handling/input';

export interface Correction {
  readonly changes: FactChanges;
  readonly reason: string;
  readonly correctedAt: string;
  /** The report that carried the correction, when it is in the story. */
  readonly reportId: string | null;
}

export function parseCorrection(body: unknown): Correction {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['changes', 'reason', 'correctedAt', 'reportId'], '');
  return {
    changes: parseChanges(input.changes),
    reason: read.text(input.reason, 'reason', REASON).trim(),
    correctedAt: read.instant(input.correctedAt, 'correctedAt'),
    reportId: parseReportRef(input.reportId, 'reportId'),
  };
}
