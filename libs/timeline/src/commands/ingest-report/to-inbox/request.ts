import type { IngestOutcome } from '../decide';
import type { ReportSubmission } from '../submission';

/** A report sent to an inbox: stored there, to be routed to the stories it belongs to. */
export interface SendToInbox {
  readonly inboxId: string;
  readonly report: ReportSubmission;
  /** Same key and same fingerprint: a retry. */
  readonly fingerprint: string;
}

/** The report's ids; a repeat (same outlet and text, or a retried Idempotency-Key) answers with the first one's, appending nothing. */
export type SentToInbox = IngestOutcome;
