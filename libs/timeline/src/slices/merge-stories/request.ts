import { invalid, isUuid, read, SLUG } from '@storyline/story-events';

const SLUG_RULE = { max: 80, pattern: SLUG, patternHint: 'must be lowercase letters, digits and single hyphens (like "witkoff-back-channel")' } as const;

/** Why an analyst changed membership: required, as for amendments and corrections. */
export const readReason = (value: unknown): string => read.text(value, 'reason', { max: 1000 }).trim();

/** A story named in a body, by id or slug. */
export function readStoryRef(value: unknown, field: string): string {
  const ref = read.text(value, field, { max: 80 });
  if (isUuid(ref) || SLUG.test(ref)) return ref;
  throw invalid(field, `must be a story id or slug, got "${ref.slice(0, 80)}"`);
}

export const readSlug = (value: unknown, field = 'slug'): string => read.text(value, field, SLUG_RULE);
export const readTitle = (value: unknown, field = 'title'): string => read.text(value, field, { max: 200 }).trim();

/** `{into, reason}`: merge the story in the URL into `into`. */
export function parseMergeStories(body: unknown): { into: string; reason: string } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['into', 'reason'], '');
  return { into: readStoryRef(input.into, 'into'), reason: readReason(input.reason) };
}
