import type { StoriesReader } from './stories.reader';
import { DomainError } from '@storyline/story-events';
import type { StorySummary } from '@storyline/story-events';

/** The story a URL names by id or slug, or STORY.NOT_FOUND. */
export async function resolveStory(stories: StoriesReader, ref: string): Promise<StorySummary> {
  const story = await stories.resolve(ref);
  if (!story) throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, 'story');
  return story;
}
