import { invalid, read } from '@storyline/story-events';
import { readReason, readSlug, readTitle } from '../../command-handling/membership';

/** `{slug?, title?, reason}`: at least one of slug and title. */
export function parseRenameStory(body: unknown): { slug: string | null; title: string | null; reason: string } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['slug', 'title', 'reason'], '');
  if (input.slug === undefined && input.title === undefined) throw invalid('slug', 'give a new slug, a new title, or both');
  return {
    slug: input.slug === undefined ? null : readSlug(input.slug),
    title: input.title === undefined ? null : readTitle(input.title),
    reason: readReason(input.reason),
  };
}
