import { read, SLUG } from '@storyline/story-events';

/** Reads `{slug, title}` from untrusted input (the API's body, the CLI's options, the example loader). */
export function parseOpenStory(body: unknown): { slug: string; title: string } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['slug', 'title'], '');
  return {
    slug: read.text(input.slug, 'slug', { max: 80, pattern: SLUG, patternHint: 'must be lowercase letters, digits and single hyphens (like "witkoff-back-channel")' }),
    title: read.text(input.title, 'title', { max: 200 }).trim(),
  };
}
