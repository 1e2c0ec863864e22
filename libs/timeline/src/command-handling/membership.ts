import { DomainError, invalid, isUuid, read, SLUG, type Position } from '@storyline/story-events';
import { REASON } from './input';
import type { WriteOutcome } from '../http/write-outcome';
import type { StoryState } from './story-state';

/*
 * What the membership commands (merge, split, move, rename) share: their input rules and the
 * refusal of a story that does not exist or was merged away.
 */

const SLUG_RULE = { max: 80, pattern: SLUG, patternHint: 'must be lowercase letters, digits and single hyphens (like "witkoff-back-channel")' } as const;

/** Why an analyst changed membership: required, kept with the event. */
export const readReason = (value: unknown): string => read.text(value, 'reason', REASON).trim();

/** A story named in a body, by id or slug. */
export function readStoryRef(value: unknown, field: string): string {
  const ref = read.text(value, field, { max: 80 });
  if (isUuid(ref) || SLUG.test(ref)) return ref;
  throw invalid(field, `must be a story id or slug, got "${ref.slice(0, 80)}"`);
}

export const readSlug = (value: unknown, field = 'slug'): string => read.text(value, field, SLUG_RULE);
export const readTitle = (value: unknown, field = 'title'): string => read.text(value, field, { max: 200 }).trim();

/** A story that exists and was not merged away, or the error naming `field`. */
export function requireStanding(state: StoryState, storyId: string, field: string): void {
  if (!state.opened) throw new DomainError('STORY.NOT_FOUND', `story ${storyId} does not exist`, field);
  if (state.mergedInto) throw new DomainError('STORY.MERGED', `story ${state.slug ?? storyId} was merged into ${state.mergedInto}; change that story instead`, field);
}

/** What every membership write answers: the story written, whether anything changed, and where. */
export interface MembershipAnswer extends WriteOutcome {
  /** The story whose stream took the event (the merged, renamed or new story; the one a report left). */
  readonly storyId: string;
  readonly changed: boolean;
  readonly position: Position;
}
