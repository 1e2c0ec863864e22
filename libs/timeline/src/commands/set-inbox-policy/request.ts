import { invalid, read } from '@storyline/story-events';
import { parseInboxName } from '../../http/inbox-ref';

/** How much the router may do in an inbox without an analyst. */
export interface SetInboxPolicy {
  readonly inboxId: string;
  readonly name: string;
  /** A best score at or above this joins at once (0..1); null never joins at once. */
  readonly threshold: number | null;
  readonly autoOpen: boolean;
}

/** Reads `{inbox, threshold, autoOpen}` from untrusted input, naming the field at fault. */
export function parseInboxPolicy(body: unknown): SetInboxPolicy {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['inbox', 'threshold', 'autoOpen'], '');
  const { name, inboxId } = parseInboxName(input.inbox);
  const threshold = input.threshold;
  if (threshold !== null && (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1)) {
    throw invalid('threshold', `must be a number from 0 to 1 (or null: never join at once), got ${read.describe(threshold)}`);
  }
  if (input.autoOpen !== undefined && typeof input.autoOpen !== 'boolean') throw invalid('autoOpen', `must be true or false, got ${read.describe(input.autoOpen)}`);
  return { inboxId, name, threshold, autoOpen: input.autoOpen ?? true };
}
