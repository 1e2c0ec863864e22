import { read } from '@storyline/story-events';
import { readReason, readStoryRef } from '../../command-handling/membership';

/** `{to, reason}`: move the report in the URL to story `to`. */
export function parseMoveReport(body: unknown): { to: string; reason: string } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['to', 'reason'], '');
  return { to: readStoryRef(input.to, 'to'), reason: readReason(input.reason) };
}
