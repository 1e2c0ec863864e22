import { inboxIdForName, read } from '@storyline/story-events';
import type { ReportSubmission } from '../../domain/report';

/** An inbox's name: lowercase letters, digits and single hyphens, like a story's slug. */
export const INBOX_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Where `POST /reports` without a story and without `?inbox=` sends a report. */
export const DEFAULT_INBOX = 'default';

/** Reads an inbox name from untrusted input (absent: the default inbox). */
export function parseInboxName(value: unknown, field = 'inbox'): { name: string; inboxId: string } {
  const name = value === undefined || value === null || value === '' ? DEFAULT_INBOX : read.text(value, field, { max: 80, pattern: INBOX_NAME, patternHint: 'must be lowercase letters, digits and single hyphens (like "wires")' });
  return { name, inboxId: inboxIdForName(name) };
}

/** A report sent to an inbox: stored there, to be routed to the stories it belongs to. */
export interface SendToInbox {
  readonly inboxId: string;
  readonly report: ReportSubmission;
  /** Same key and same fingerprint: a retry. */
  readonly fingerprint: string;
}

export interface SentToInbox {
  readonly reportId: string;
  readonly factIds: readonly string[];
  /** False when the same report was sent to this inbox before: nothing was appended. */
  readonly created: boolean;
  /** The position of the first answer's last event, for a duplicate; 0 when just appended (the append's position answers). */
  readonly position: bigint;
}
