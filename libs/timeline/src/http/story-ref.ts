import { DomainError } from '@storyline/story-events';
import { isUuid, storyIdForSlug } from '@storyline/story-events';
import { SLUG } from '@storyline/story-events';

/**
 * A story is addressed by its id or by the slug it was opened with. The id of a slug is
 * computed, not looked up, so a write right after "open story" never races a read model.
 */
export function storyIdFromRef(ref: string): string {
  if (isUuid(ref)) return ref.toLowerCase();
  if (ref.length <= 80 && SLUG.test(ref)) return storyIdForSlug(ref);
  throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, 'story');
}
