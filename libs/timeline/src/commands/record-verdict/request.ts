import { read, VERDICTS, type Verdict } from '@storyline/story-events';
import { REASON } from '../../command-handling/input';

export interface VerdictRequest {
  readonly verdict: Verdict;
  readonly reason: string;
}

export function parseVerdict(body: unknown): VerdictRequest {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['verdict', 'reason'], '');
  return { verdict: read.oneOf(input.verdict, 'verdict', VERDICTS), reason: read.text(input.reason, 'reason', REASON).trim() };
}
