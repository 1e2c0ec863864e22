import { read } from '@storyline/story-events';
import { readReason, readStoryRef } from '../../command-handling/membership';

/** `{into, reason}`: merge the story in the URL into `into`. */
export function parseMergeStories(body: unknown): { into: string; reason: string } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['into', 'reason'], '');
  return { into: readStoryRef(input.into, 'into'), reason: readReason(input.reason) };
}
