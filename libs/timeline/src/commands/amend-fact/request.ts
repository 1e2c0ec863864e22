import { read, type FactChanges } from '@storyline/story-events';
import { parseChanges, REASON } from '../../command-handling/input';

export interface Amendment {
  readonly changes: FactChanges;
  readonly reason: string;
}

export function parseAmendment(body: unknown): Amendment {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['changes', 'reason'], '');
  return { changes: parseChanges(input.changes), reason: read.text(input.reason, 'reason', REASON).trim() };
}
