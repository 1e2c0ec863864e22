import { DomainError, isUuid, SLUG, storyIdForSlug } from '@storyline/story-events';

/** A story as membership decisions need to know it. */
export interface StoryStanding {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  /** The story it was merged into; null while it stands alone. */
  readonly mergedInto: string | null;
}

/**
 * What membership commands need to know beyond one stream, from the membership read model
 * (the host provides it; writes wait for it, so a client's own earlier writes are in it).
 * Two analysts changing the same report's membership at once may both pass these checks;
 * the later event then wins on the read side (documented in docs/routing.md).
 */
export interface MembershipLocator {
  /** The story that holds, or held before a rename, this slug; null when none did. */
  storyOfSlug(slug: string): Promise<string | null>;
  /** Where a report is now, and the story whose stream holds it; null for an unknown report. */
  placeOf(reportId: string): Promise<{ readonly storyId: string; readonly homeStoryId: string } | null>;
  story(storyId: string): Promise<StoryStanding | null>;
}

export const MEMBERSHIP_LOCATOR = Symbol('MEMBERSHIP_LOCATOR');

/**
 * The id of the story a URL or body names: an id as is; a slug by the read model when a story
 * was renamed to it (or away from it), else computed from the slug as when it was opened.
 */
export async function storyIdOf(locator: MembershipLocator, ref: string, field = 'story'): Promise<string> {
  if (isUuid(ref)) return ref.toLowerCase();
  if (ref.length <= 80 && SLUG.test(ref)) return (await locator.storyOfSlug(ref)) ?? storyIdForSlug(ref);
  throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, field);
}

/** The story, or STORY.NOT_FOUND naming `field`. */
export async function standingOf(locator: MembershipLocator, storyId: string, field: string): Promise<StoryStanding> {
  const story = await locator.story(storyId);
  if (!story) throw new DomainError('STORY.NOT_FOUND', `no story has the id ${storyId}`, field);
  return story;
}
